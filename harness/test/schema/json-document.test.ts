/**
 * parseJsonDocument: exactly one JSON document, and when not, where it goes wrong in bytes —
 * the offset where a complete document ends and what follows it (NUL padding named as such).
 */
import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../src/schema/json-document.js';

describe('parseJsonDocument', () => {
  it('accepts one document, with blanks around it', () => {
    expect(parseJsonDocument(' {"a":[1,"}"]}\n')).toEqual({ ok: true, value: { a: [1, '}'] } });
    expect(parseJsonDocument('"x"')).toEqual({ ok: true, value: 'x' });
  });

  it('names NUL padding after a complete document, with the byte offset where the document ends', () => {
    expect(parseJsonDocument('{"é":1}\u0000\u0000')).toEqual({
      ok: false,
      problem: 'output is not exactly one JSON document: the document ends at byte 8, followed by 2 NUL bytes of padding (pass the exact length, do not pad)',
      documentEndsAt: 8,
      trailingBytes: 2,
    });
  });

  it('shows other trailing bytes, clipped', () => {
    const found = parseJsonDocument('{}"}\n{"second":"document, long enough to clip"}');
    expect(found).toMatchObject({ ok: false, documentEndsAt: 2, trailingBytes: 45 });
    expect(found.ok ? '' : found.problem).toContain('followed by 45 trailing bytes ("\\"}\\n{\\"second\\":\\"do"…)');
    expect(parseJsonDocument('true false')).toMatchObject({ ok: false, documentEndsAt: 4, trailingBytes: 6 });
  });

  it('names a byte-order mark, and gives the parser\'s message when the first value itself is broken', () => {
    expect(parseJsonDocument('\uFEFF{}')).toMatchObject({ ok: false, problem: expect.stringContaining('byte-order mark (EF BB BF)') });
    const broken = parseJsonDocument('{"a":1,}');
    expect(broken).toMatchObject({ ok: false, problem: expect.stringMatching(/^output is not exactly one JSON document: .*position 7/) });
    expect(broken).not.toHaveProperty('documentEndsAt');
    expect(parseJsonDocument('{"a":')).toMatchObject({ ok: false });
  });
});
