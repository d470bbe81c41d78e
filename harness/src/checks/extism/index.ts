/**
 * The extism checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';

/** The extism checks. */
export const EXTISM_CHECKS: readonly CheckDefinition[] = [];
