/**
 * The schema.* checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';

/** The schema.* checks. */
export const SCHEMA_CHECKS: readonly CheckDefinition[] = [];
