/**
 * A small seeded PRNG (mulberry32) for the sandbox's `random_get`, so a plugin that draws random
 * bytes behaves the same on every run with the same seed.
 */

/** Returns a function yielding the next 32-bit unsigned value of a seeded stream. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
