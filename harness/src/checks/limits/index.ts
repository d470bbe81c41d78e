/**
 * The limits checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';
import fuel from './fuel.js';
import memoryCap from './memory-cap.js';

/** The limits checks: the real hosts' memory cap and fuel (per-call and instantiation time limits are the watchdog's). */
export const LIMITS_CHECKS: readonly CheckDefinition[] = [memoryCap, fuel];
