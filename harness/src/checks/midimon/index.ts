/**
 * The midimon checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';

/** The midimon checks. */
export const MIDIMON_CHECKS: readonly CheckDefinition[] = [];
