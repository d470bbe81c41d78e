/**
 * The schema.* checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';
import hookOutputs from './hook-outputs.js';
import name from './name.js';

/** The schema.* checks. */
export const SCHEMA_CHECKS: readonly CheckDefinition[] = [name, hookOutputs];
