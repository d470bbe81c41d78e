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
import type { CheckDefinition } from './check-definition.js';
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
];

/** Looks a check up by id. */
export function findCheck(id: string): CheckDefinition | undefined {
  return CHECKS.find((c) => c.id === id);
}
