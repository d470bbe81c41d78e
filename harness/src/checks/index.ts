/**
 * The check registry: every check, in the order they run. Order matters only through
 * `dependsOn` (a check runs after those it depends on) and the shared Bifrost session
 * (`init` before `get_name` before hooks before `cleanup`, as the real host loads a plugin).
 */
import compiles from './abi/compiles.js';
import exportSignatures from './abi/export-signatures.js';
import importsProvided from './abi/imports-provided.js';
import memoryExported from './abi/memory-exported.js';
import requiredExports from './abi/required-exports.js';
import type { ProfileId } from '../profiles/profile.js';
import type { CheckDefinition } from './check-definition.js';
import { EXTISM_CHECKS } from './extism/index.js';
import { FRANKENTERM_CHECKS } from './frankenterm/index.js';
import { FAMILY_FUZZ_CHECKS, FUZZ_CHECKS } from './fuzz/index.js';
import { CAPABILITY_CHECKS } from './capability/index.js';
import { LIMITS_CHECKS } from './limits/index.js';
import { MEMORY_CHECKS, OUTPUT_BOUNDS_CHECKS } from './memory/index.js';
import { MIDIMON_CHECKS } from './midimon/index.js';
import { SCHEMA_CHECKS } from './schema/index.js';
import { DOCUMENT_CHECKS, SEMANTICS_CHECKS } from './semantics/index.js';
import cleanup from './lifecycle/cleanup.js';
import getName from './lifecycle/get-name.js';
import hooksAnswer from './lifecycle/hooks-answer.js';
import init from './lifecycle/init.js';
import instantiate from './lifecycle/instantiate.js';

/** Every check plugcheck runs, in run order. */
export const CHECKS: readonly CheckDefinition[] = [
  compiles,
  memoryExported,
  requiredExports,
  exportSignatures,
  importsProvided,
  instantiate,
  init,
  getName,
  hooksAnswer,
  cleanup,
  // Whether an answer can be read (in bounds, one UTF-8 JSON document) before any check reads it.
  ...OUTPUT_BOUNDS_CHECKS,
  ...DOCUMENT_CHECKS,
  ...SCHEMA_CHECKS,
  ...SEMANTICS_CHECKS,
  ...FUZZ_CHECKS,
  ...MEMORY_CHECKS,
  ...MIDIMON_CHECKS,
  ...FRANKENTERM_CHECKS,
  ...EXTISM_CHECKS,
  ...CAPABILITY_CHECKS,
  // The fuzz checks of midimon, Extism and FrankenTerm wait for those families' lifecycle checks.
  ...FAMILY_FUZZ_CHECKS,
  // After the families' lifecycle checks, which the FrankenTerm and Extism limits checks wait for.
  ...LIMITS_CHECKS,
];

/**
 * Looks a check up by id, and by profile where several families implement the same check id
 * (e.g. `lifecycle.instantiate` runs differently under Bifrost and under Extism).
 */
export function findCheck(id: string, profile?: ProfileId): CheckDefinition | undefined {
  return CHECKS.find((c) => c.id === id && (profile === undefined || c.appliesTo.includes(profile)));
}
