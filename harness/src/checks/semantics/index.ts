/**
 * The semantics.* checks, in run order; spread into the registry by checks/index.ts. Those that
 * judge the seed examples' answers run before those that send bad input.
 */
import type { CheckDefinition } from '../check-definition.js';
import deterministic from './deterministic.js';
import emptyInput from './empty-input.js';
import hookErrorChannel from './hook-error-channel.js';
import noData from './no-data.js';
import presenceFlags from './presence-flags.js';
import shortCircuit from './short-circuit.js';
import singleDocument from './single-document.js';
import wrongTypedInput from './wrong-typed-input.js';

/** The semantics.* checks. */
export const SEMANTICS_CHECKS: readonly CheckDefinition[] = [
  noData,
  shortCircuit,
  presenceFlags,
  deterministic,
  singleDocument,
  emptyInput,
  wrongTypedInput,
  hookErrorChannel,
];
