/**
 * The fuzz checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';

/** The fuzz checks. */
export const FUZZ_CHECKS: readonly CheckDefinition[] = [];
