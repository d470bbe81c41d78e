/**
 * Reads a hook's output as exactly one JSON document and checks the envelope fields the profile
 * requires (spec-decisions: the fields Go never omits). Full schemas come later; this is the
 * contract every host relies on to read a hook's answer at all.
 */
import type { EnvelopeField, EnvelopeFieldType } from '../profile.js';

/** What is wrong with an output, one entry per problem. */
export type EnvelopeProblem = string;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function fits(value: unknown, type: EnvelopeFieldType): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'object':
      return typeOf(value) === 'object';
    case 'object|null':
      return value === null || typeOf(value) === 'object';
    case 'string':
    case 'boolean':
      return typeof value === type;
  }
}

/** Parses `text` and lists every envelope problem; an empty list means the envelope is right. */
export function checkEnvelope(text: string, fields: readonly EnvelopeField[]): EnvelopeProblem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (thrown) {
    const trailing = /\u0000/.test(text) ? ' (the output contains NUL bytes: pass the exact length, do not pad)' : '';
    const bom = text.startsWith('\uFEFF') ? ' (the output starts with a byte-order mark)' : '';
    return [`output is not exactly one JSON document: ${(thrown as Error).message}${trailing}${bom}`];
  }
  if (typeOf(parsed) !== 'object') return [`output is JSON ${typeOf(parsed)}, expected an object envelope`];
  const envelope = parsed as Record<string, unknown>;
  const problems: EnvelopeProblem[] = [];
  for (const field of fields) {
    if (!(field.name in envelope)) problems.push(`missing field \`${field.name}\` (${field.type})`);
    else if (!fits(envelope[field.name], field.type)) {
      problems.push(`field \`${field.name}\` is ${typeOf(envelope[field.name])}, expected ${field.type}`);
    }
  }
  return problems;
}
