/**
 * The fuzz checks, in run order; spread into the registry by checks/index.ts.
 */
import type { CheckDefinition } from '../check-definition.js';
import callSequences from './call-sequences.js';
import hostileInputs from './hostile-inputs.js';
import { EXTISM_FUZZ_CHECKS } from './extism-fuzz.js';
import { FRANKENTERM_FUZZ_CHECKS } from './frankenterm-fuzz.js';
import { MIDIMON_FUZZ_CHECKS } from './midimon-fuzz.js';
import validInputs from './valid-inputs.js';

/** The Bifrost fuzz checks, in run order. */
export const FUZZ_CHECKS: readonly CheckDefinition[] = [validInputs, hostileInputs, callSequences];

/**
 * The other families' implementations of the same check ids (findCheck looks up id and profile),
 * registered after those families' lifecycle checks, which they depend on.
 */
export const FAMILY_FUZZ_CHECKS: readonly CheckDefinition[] = [...MIDIMON_FUZZ_CHECKS, ...EXTISM_FUZZ_CHECKS, ...FRANKENTERM_FUZZ_CHECKS];
