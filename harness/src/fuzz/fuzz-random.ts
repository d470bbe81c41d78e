/**
 * fast-check's random source in plugcheck's fuzz runs: mulberry32, a Weyl sequence (the state
 * advances by one odd constant per draw) scrambled on output. fast-check jumps its generator
 * before every case so that cases draw from independent streams; for the default
 * xorshift128plus that jump is 64 steps of bit-serial polynomial arithmetic, a few per cent of a
 * fuzz case's whole cost. Here a jump is one multiply-add: the state moves a fixed odd number of
 * draws ahead (the 32-bit golden ratio, so successive cases start far apart in the 2^32 period),
 * and the output scrambler passes the usual statistical batteries for runs of this length.
 */
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

const STEP = 0x6d2b79f5;
/** Draws skipped by a jump: odd, so the jumps of a run visit the whole period; near 2^32 / φ, so they spread evenly. */
const JUMP_DRAWS = 0x9e3779b9;
const JUMP = Math.imul(STEP, JUMP_DRAWS);

class Mulberry32 implements JumpableRandomGenerator {
  #state: number;

  constructor(state: number) {
    this.#state = state | 0;
  }

  clone(): Mulberry32 {
    return new Mulberry32(this.#state);
  }

  /** A signed 32-bit integer, as pure-rand's contract asks. */
  next(): number {
    this.#state = (this.#state + STEP) | 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) | 0;
  }

  jump(): void {
    this.#state = (this.#state + JUMP) | 0;
  }

  getState(): readonly number[] {
    return [this.#state];
  }
}

/** The `randomType` of every fuzz run: a seed's generator (fast-check calls it with the run's seed). */
export function fuzzRandom(seed: number): JumpableRandomGenerator {
  return new Mulberry32(seed);
}
