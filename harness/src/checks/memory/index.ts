/**
 * The memory checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';

/** The memory checks. */
export const MEMORY_CHECKS: readonly CheckDefinition[] = [];
