/**
 * The midimon checks, in run order; spread into the registry by checks/index.ts. `init` runs
 * before `alloc` and `execute`, as the host loads a plugin before it calls it. semantics.status-code
 * (checks/semantics/) comes last: checks run in registry order, and it depends on lifecycle.execute.
 */
import type { CheckDefinition } from '../check-definition.js';
import allocInBounds from './alloc-in-bounds.js';
import allocNonNull from './alloc-non-null.js';
import execute from './execute.js';
import filesystemCapability from './filesystem-capability.js';
import instantiate from './instantiate.js';
import metadata from './metadata.js';
import noStateFromInit from './no-state-from-init.js';
import statusCode from '../semantics/status-code.js';

/** The midimon checks. */
export const MIDIMON_CHECKS: readonly CheckDefinition[] = [instantiate, metadata, allocNonNull, allocInBounds, execute, noStateFromInit, filesystemCapability, statusCode];
