/**
 * How long a fuzz check runs. The defaults keep `plugcheck test` on a small plugin within seconds
 * and the bundled-plugin suite within CI's budget; `--runs` and `--fuzz-time` raise them for a
 * deeper search. The seed is the run's seed (fixed by default), so CI is reproducible.
 */
import type { RunOptions } from '../engine/check-context.js';

/** Generated cases per fuzz check when `--runs` is not given. */
export const DEFAULT_FUZZ_RUNS = 200;

/** Wall-time budget per fuzz check, ms, when `--fuzz-time` is not given; the search stops early, shrinking does not. */
export const DEFAULT_FUZZ_TIME_MS = 5000;

/** What one fuzz check runs with. */
export interface FuzzSettings {
  readonly seed: number;
  readonly runs: number;
  readonly timeMs: number;
  /** fast-check's path to start from instead of searching (a replayed or hanging case). */
  readonly path?: string | undefined;
}

/** The settings a run's options ask for. */
export function fuzzSettings(options: RunOptions): FuzzSettings {
  return { seed: options.seed, runs: options.fuzzRuns ?? DEFAULT_FUZZ_RUNS, timeMs: options.fuzzTimeMs ?? DEFAULT_FUZZ_TIME_MS };
}
