/**
 * The fuzz checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';
import callSequences from './call-sequences.js';
import hostileInputs from './hostile-inputs.js';
import validInputs from './valid-inputs.js';

/** The fuzz checks. */
export const FUZZ_CHECKS: readonly CheckDefinition[] = [validInputs, hostileInputs, callSequences];
