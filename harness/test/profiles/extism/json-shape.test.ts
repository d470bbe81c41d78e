/**
 * The compact payload shapes: required and optional fields, types, and documents that are not one
 * JSON object.
 */
import { describe, expect, it } from 'vitest';
import { readShaped, stringsOf } from '../../../src/profiles/extism/json-shape.js';

const SHAPE = { url: 'string', timeoutMs: 'number?', tags: 'array?', data: 'any' } as const;

describe('readShaped', () => {
  it('accepts a document with every required field and optional ones absent or null', () => {
    expect(readShaped('{"url":"u","data":null,"timeoutMs":null}', { url: 'string', timeoutMs: 'number?' })).toMatchObject({ ok: true });
    expect(readShaped('{"url":"u","data":[1],"tags":["a"]}', SHAPE)).toMatchObject({ ok: true, value: { url: 'u' } });
  });

  it('lists every missing or mistyped field', () => {
    expect(readShaped('{"timeoutMs":"5","tags":{}}', SHAPE)).toEqual({
      ok: false,
      problems: ['`url` is missing, expected string', '`timeoutMs` is string, expected number', '`tags` is object, expected array', '`data` is missing, expected any'],
    });
  });

  it('refuses text that is not one JSON object', () => {
    expect(readShaped('not json', SHAPE)).toMatchObject({ ok: false, problems: [expect.stringContaining('not one JSON document')] });
    expect(readShaped('[1]', SHAPE)).toEqual({ ok: false, problems: ['JSON array, expected an object'] });
  });
});

describe('stringsOf', () => {
  it('keeps the strings of an array', () => {
    expect(stringsOf(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(stringsOf('a')).toEqual([]);
  });
});
