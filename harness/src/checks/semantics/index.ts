/**
 * The semantics.* checks, in run order; spread into the registry by checks/index.ts. Those that
 * judge the seed examples' answers run before those that send bad input. semantics.single-document
 * is registered apart, before the schema.* checks: schema.hook-outputs reads only answers it found
 * to be one JSON document, and depends on it.
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

/** The checks that judge an answer's bytes before any schema reads it (registered before SCHEMA_CHECKS). */
export const DOCUMENT_CHECKS: readonly CheckDefinition[] = [singleDocument];

/** The semantics.* checks that judge answers already known to be JSON. */
export const SEMANTICS_CHECKS: readonly CheckDefinition[] = [
  noData,
  shortCircuit,
  presenceFlags,
  deterministic,
  emptyInput,
  wrongTypedInput,
  hookErrorChannel,
];
