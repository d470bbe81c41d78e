import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileInputArbitrary } from '../../src/fuzz/hostile-inputs.js';
import type { HostileClass } from '../../src/fuzz/hostile-inputs.js';

const valid = fc.record({ context: fc.dictionary(fc.string(), fc.string()), request: fc.record({ provider: fc.string(), model: fc.string() }) });
const samples = fc.sample(hostileInputArbitrary(valid), { numRuns: 3000, seed: 1 });
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodes(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('hostileInputArbitrary', () => {
  it('generates every class', () => {
    const classes: HostileClass[] = ['truncated', 'invalid-utf8', 'bom', 'nul-byte', 'deep-nesting', 'odd-number', 'duplicate-key', 'wrong-type', 'empty', 'trailing-bytes', 'not-an-object', 'near-limit-size', 'end-of-memory', 'empty-at-end'];
    expect(new Set(samples.map((s) => s.mutation))).toEqual(new Set(classes));
  });

  it('makes what each class says', () => {
    for (const { mutation, bytes, placement } of samples) {
      expect(placement === 'end-of-memory').toBe(mutation === 'end-of-memory' || mutation === 'empty-at-end');
      if (mutation === 'end-of-memory') expect(() => JSON.parse(new TextDecoder().decode(bytes))).not.toThrow();
      if (mutation === 'empty-at-end') expect(bytes.length).toBe(0);
      const text = decodes(bytes) ? new TextDecoder().decode(bytes) : undefined;
      if (mutation === 'invalid-utf8') expect(decodes(bytes)).toBe(false);
      if (mutation === 'bom') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      if (mutation === 'nul-byte') expect(bytes.includes(0)).toBe(true);
      if (mutation === 'empty') expect(bytes.length).toBe(0);
      if (mutation === 'deep-nesting') expect(text).toMatch(/\[{64}/);
      if (mutation === 'duplicate-key') expect(text).toMatch(/^\{"([^"]*)":null,.*"\1":/);
      if (mutation === 'near-limit-size') expect(bytes.length).toBeGreaterThanOrEqual(65536);
      if (mutation === 'trailing-bytes' || mutation === 'truncated') expect(() => JSON.parse(text ?? '')).toThrow();
    }
  });
});
