/**
 * The semantics.* checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';

/** The semantics.* checks. */
export const SEMANTICS_CHECKS: readonly CheckDefinition[] = [];
