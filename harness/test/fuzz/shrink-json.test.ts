import { describe, expect, it } from 'vitest';
import { shrinkJson } from '../../src/fuzz/shrink-json.js';

// Structural weight: what shrinking must decrease (JSON length may not: `false` is longer than `true`).
function weight(v: unknown): number {
  if (typeof v === 'string') return [...v].length;
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return 1 + v.reduce((n: number, x) => n + weight(x), 0);
  if (typeof v === 'object' && v !== null) return Object.entries(v).reduce((n, [k, x]) => n + 1 + [...k].length + weight(x), 1);
  return 0;
}

describe('shrinkJson', () => {
  it('offers only strictly smaller candidates, simplest first', () => {
    const value = { context: { 'é': 'abc' }, request: { model: 'gpt-4', n: 42, ok: true, input: [{ role: 'user' }, { role: 'x' }] } };
    const candidates = [...shrinkJson(value)];
    expect(candidates[0]).toEqual({});
    expect(candidates.length).toBeGreaterThan(20);
    for (const c of candidates) expect(weight(c)).toBeLessThan(weight(value));
  });

  it('can keep exactly the one character that matters', () => {
    // Greedy shrinking, as fast-check does it: take the first candidate that still has an "é".
    let current: unknown = 'ab éxyz';
    for (;;) {
      const next = [...shrinkJson(current)].find((c) => typeof c === 'string' && c.includes('é'));
      if (next === undefined) break;
      current = next;
    }
    expect(current).toBe('é');
  });

  it('moves numbers towards 0 and booleans to false', () => {
    expect([...shrinkJson(100)]).toEqual([0, 50, 75, 88, 94, 97, 99]);
    expect([...shrinkJson(-3)]).toEqual([0, -2]);
    expect([...shrinkJson(true)]).toEqual([false]);
    expect([...shrinkJson(0)]).toEqual([]);
    expect([...shrinkJson(null)]).toEqual([]);
  });
});
