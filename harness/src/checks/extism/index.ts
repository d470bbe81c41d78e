/**
 * The extism checks, in run order; spread into the registry by checks/index.ts. The data-source
 * checks follow the terminal's flow: metadata, configure, commands, then the rules over every call,
 * including schema.host-calls and schema.export-outputs (checks/schema/), which must run after the lifecycle checks it depends on.
 */
import type { CheckDefinition } from '../check-definition.js';
import commands from './commands.js';
import configure from './configure.js';
import exportsCallable from './exports-callable.js';
import instantiate from './instantiate.js';
import metadata from './metadata.js';
import rcErrorOutput from './rc-error-output.js';
import unexpectedHostCalls from './unexpected-host-calls.js';
import networkCapability from './network-capability.js';
import exportOutputs from '../schema/export-outputs.js';
import hostCalls from '../schema/host-calls.js';

/** The extism checks. */
export const EXTISM_CHECKS: readonly CheckDefinition[] = [
  instantiate,
  exportsCallable,
  metadata,
  configure,
  commands,
  rcErrorOutput,
  unexpectedHostCalls,
  networkCapability,
  hostCalls,
  exportOutputs,
];
