/**
 * The frankenterm checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';

/** The frankenterm checks. */
export const FRANKENTERM_CHECKS: readonly CheckDefinition[] = [];
