/**
 * The limits checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';

/** The limits checks. */
export const LIMITS_CHECKS: readonly CheckDefinition[] = [];
