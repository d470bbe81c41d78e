/**
 * The capability checks that are not one family's own (Bifrost's WASI file and environment
 * access); spread into the registry by checks/index.ts after the lifecycle checks. midimon's,
 * FrankenTerm's and Extism's capability checks live with their families' checks.
 */
import type { CheckDefinition } from '../check-definition.js';
import { bifrostEnvironment, bifrostFilesystem } from './bifrost-wasi-capability.js';

/** The Bifrost capability checks. */
export const CAPABILITY_CHECKS: readonly CheckDefinition[] = [bifrostFilesystem, bifrostEnvironment];
