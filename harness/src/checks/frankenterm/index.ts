/**
 * The frankenterm checks, in run order; spread into the registry by checks/index.ts. The manifest
 * is judged first, then the module: instantiation, then one run of every entry point the host
 * calls, whose results the capability checks read too.
 */
import type { CheckDefinition } from '../check-definition.js';
import entryPointsRun from './entry-points-run.js';
import envDenialHandled from './env-denial-handled.js';
import handlersExported from './handlers-exported.js';
import hooksDeclared from './hooks-declared.js';
import hostCallArguments from './host-call-arguments.js';
import instantiate from './instantiate.js';
import manifestValid from './manifest-valid.js';
import configOutput from '../schema/config-output.js';
import hostCallSchemas from '../schema/frankenterm-host-calls.js';

/** The frankenterm checks. */
export const FRANKENTERM_CHECKS: readonly CheckDefinition[] = [
  manifestValid,
  hooksDeclared,
  handlersExported,
  instantiate,
  entryPointsRun,
  envDenialHandled,
  hostCallArguments,
  // checks/schema/: they read the runs above and depend on their checks.
  configOutput,
  hostCallSchemas,
];
