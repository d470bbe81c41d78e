/**
 * Hostile inputs: byte- and JSON-level mutations of valid inputs, one class per way a host's bytes
 * can surprise a plugin — truncated JSON, invalid UTF-8, a byte-order mark, NUL bytes, deep
 * nesting, huge and odd numbers, duplicate keys, wrong types, length 0, trailing bytes, JSON that
 * is not an object, near-limit sizes, and valid bytes placed where a host may put them: ending at the
 * last byte of memory, or length 0 at the end (a family that cannot place its inputs sends those
 * bytes normally). Each starts from a schema-valid value, so a failing case shrinks towards the
 * smallest valid document that still breaks the plugin.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';

/** One mutated input: the class it belongs to, the exact bytes sent, and where the host puts them. */
export interface HostileInput {
  readonly mutation: HostileClass;
  readonly bytes: Uint8Array;
  /** `end-of-memory`: written by the host to end at the last byte of memory (a family that can place its inputs does). */
  readonly placement?: 'end-of-memory';
}

/** The mutation classes. */
export type HostileClass =
  | 'truncated'
  | 'invalid-utf8'
  | 'bom'
  | 'nul-byte'
  | 'deep-nesting'
  | 'odd-number'
  | 'duplicate-key'
  | 'wrong-type'
  | 'empty'
  | 'trailing-bytes'
  | 'not-an-object'
  | 'near-limit-size'
  | 'end-of-memory'
  | 'empty-at-end';

const encoder = new TextEncoder();

const INVALID_UTF8: readonly (readonly number[])[] = [[0x80], [0xc3], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]];
const ODD_NUMBERS = ['1e400', '-1e400', '-0', '1e-400', '123456789012345678901234567890', '-9223372036854775809', '0.00000000000000000000000001', '1E+2'];
const WRONG_VALUES = ['1', '"x"', '[]', 'true', 'null', '{}', '-1.5'];
const NOT_OBJECTS = ['null', '[]', '"text"', '0', 'true', 'nul', '{', '}', '{"a"', '[{}'];
const TRAILING = [' x', '}', '{}', ',', '\u0000', 'null'];
const DEPTHS = [64, 1000, 10000, 100000];
/** Near the sizes hosts really send (request bodies), kept under what a call may take in the default time limit. */
const BIG_SIZES = [65536, 1 << 18];

function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

function splice(bytes: Uint8Array, at: number, insert: readonly number[]): Uint8Array {
  const out = new Uint8Array(bytes.length + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at), at + insert.length);
  return out;
}

// A new first member before the document's own members; for a value that is not an object, an object holding it.
function withMember(text: string, member: string): string {
  return text.startsWith('{') ? `{${member}${text === '{}' ? '' : ','}${text.slice(1)}` : `{${member},"value":${text}}`;
}

function hostile(mutation: HostileClass, bytes: Uint8Array): HostileInput {
  return { mutation, bytes };
}

/** Hostile inputs derived from the values `valid` generates. */
export function hostileInputArbitrary(valid: Arbitrary<unknown>): Arbitrary<HostileInput> {
  const text = valid.map((v) => JSON.stringify(v));
  const at = (t: string, n: number) => n % Math.max(1, bytesOf(t).length);
  const firstKey = (t: string) => /^\{"((?:[^"\\]|\\.)*)":/.exec(t)?.[1];
  return fc.oneof(
    fc.tuple(text, fc.nat()).map(([t, n]) => hostile('truncated', bytesOf(t).subarray(0, at(t, n)))),
    fc.tuple(text, fc.nat(), fc.constantFrom(...INVALID_UTF8)).map(([t, n, b]) => hostile('invalid-utf8', splice(bytesOf(t), at(t, n), b))),
    text.map((t) => hostile('bom', bytesOf(`\ufeff${t}`))),
    fc.tuple(text, fc.nat()).map(([t, n]) => hostile('nul-byte', splice(bytesOf(t), at(t, n), [0]))),
    fc.tuple(text, fc.constantFrom(...DEPTHS)).map(([t, d]) => hostile('deep-nesting', bytesOf(withMember(t, `"deep":${'['.repeat(d)}${']'.repeat(d)}`)))),
    fc.tuple(text, fc.constantFrom(...ODD_NUMBERS)).map(([t, n]) => hostile('odd-number', bytesOf(withMember(t, `"number":${n}`)))),
    text.map((t) => {
      const key = firstKey(t);
      return hostile('duplicate-key', bytesOf(key === undefined ? '{"a":1,"a":2}' : withMember(t, `"${key}":null`)));
    }),
    fc.tuple(text, fc.constantFrom(...WRONG_VALUES)).map(([t, w]) => {
      const key = firstKey(t);
      return hostile('wrong-type', bytesOf(key === undefined ? w : withMember(t.replace(/^\{"(?:[^"\\]|\\.)*":/, '{"__dropped":'), `"${key}":${w}`)));
    }),
    fc.constant(hostile('empty', new Uint8Array(0))),
    fc.tuple(text, fc.constantFrom(...TRAILING)).map(([t, tail]) => hostile('trailing-bytes', bytesOf(`${t}${tail}`))),
    fc.constantFrom(...NOT_OBJECTS).map((t) => hostile('not-an-object', bytesOf(t))),
    fc.tuple(text, fc.constantFrom(...BIG_SIZES)).map(([t, size]) => hostile('near-limit-size', bytesOf(withMember(t, `"padding":"${'a'.repeat(size)}"`)))),
    // Valid bytes in a hostile place: ending at the last byte of memory, and length 0 at the end.
    text.map((t) => ({ ...hostile('end-of-memory', bytesOf(t)), placement: 'end-of-memory' as const })),
    fc.constant({ ...hostile('empty-at-end', new Uint8Array(0)), placement: 'end-of-memory' as const }),
  );
}
