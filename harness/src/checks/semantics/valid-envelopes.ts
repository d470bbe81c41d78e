/**
 * The answers a semantic rule can read: those whose output is a JSON object that fits its schema.
 * Anything else already failed a check that owns it (lifecycle.hooks-answer, schema.hook-outputs,
 * semantics.single-document), so a rule never reports the same defect twice.
 */
import type { ValidatedCall } from '../../schema/validated-hook-call.js';

/** An answer with its envelope. */
export interface ValidEnvelope<T extends ValidatedCall> {
  readonly answer: T;
  readonly envelope: Readonly<Record<string, unknown>>;
}

/** The answers whose output is a schema-valid JSON object, with that object. */
export function validEnvelopes<T extends ValidatedCall>(answers: readonly T[]): ValidEnvelope<T>[] {
  return answers.flatMap((answer) => {
    const output = answer.output;
    if (output.kind !== 'checked' || !output.verdict.ok) return [];
    const value = output.value;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? [{ answer, envelope: value as Record<string, unknown> }] : [];
  });
}
