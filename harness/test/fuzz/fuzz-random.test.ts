/**
 * fuzz-random.ts: the random source of every fuzz run. Same seed, same cases (replay depends on
 * it); a jump starts a stream that does not repeat the last one; draws are signed 32-bit integers
 * whose bits are balanced; fast-check replays a counterexample from seed and path with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRandom } from '../../src/fuzz/fuzz-random.js';

const draws = (seed: number, n: number, jumpEvery = 0): number[] => {
  const rng = fuzzRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    if (jumpEvery > 0 && i % jumpEvery === 0) rng.jump();
    return rng.next();
  });
};

describe('fuzzRandom', () => {
  it('gives the same draws for the same seed, and others for another seed', () => {
    expect(draws(7, 100)).toEqual(draws(7, 100));
    expect(draws(7, 100)).not.toEqual(draws(8, 100));
  });

  it('draws signed 32-bit integers with every bit set about half the time', () => {
    const values = draws(1, 100_000);
    expect(values.every((v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)).toBe(true);
    for (let bit = 0; bit < 32; bit++) {
      const ones = values.filter((v) => (v >>> bit) & 1).length;
      expect(Math.abs(ones / values.length - 0.5), `bit ${bit}`).toBeLessThan(0.01);
    }
  });

  it('jumps to a stream that shares no window with the one before, and clones independently', () => {
    const rng = fuzzRandom(3);
    const before = Array.from({ length: 64 }, () => rng.next());
    const copy = rng.clone();
    rng.jump();
    const after = Array.from({ length: 64 }, () => rng.next());
    expect(new Set([...before, ...after]).size).toBe(128);
    expect(copy.next()).not.toBe(after[0]);
    expect(copy.getState()).not.toEqual(rng.getState());
  });

  it('lets fast-check find, shrink and replay a counterexample from seed and path', () => {
    const property = fc.property(fc.array(fc.integer({ min: 0, max: 1000 })), (xs) => xs.every((x) => x !== 777) || xs.length < 2);
    const found = fc.check(property, { seed: 42, numRuns: 20_000, randomType: fuzzRandom });
    expect(found.failed).toBe(true);
    expect(found.counterexample?.[0]).toEqual(expect.arrayContaining([777]));
    const again = fc.check(property, { seed: 42, path: found.counterexamplePath ?? '', randomType: fuzzRandom });
    expect(again.counterexample).toEqual(found.counterexample);
  });
});
