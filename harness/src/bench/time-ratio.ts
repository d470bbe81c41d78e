/**
 * How two plugins' times are compared (docs/bench.md §A/B): a ratio with a confidence interval
 * on the log scale, and a verdict that never calls a difference smaller than the minimum
 * detectable effect.
 *
 * - Interleaved (both plugins in one process): round i times the subject and the baseline back to
 *   back (order alternating), so machine drift hits both; the rounds' log ratios ln(Sᵢ/Bᵢ) are
 *   paired, and the interval is the paired Student-t interval of their mean, exponentiated.
 * - Against a saved baseline file (no interleaving possible): each side's per-round call/floor
 *   ratios (the floor measured in the same process as the side it normalises) are compared with
 *   Welch's unequal-variance t interval on their logs.
 *
 * Both intervals are at 99 % and the verdict needs the whole interval beyond 1 ± the minimum
 * detectable effect (5 %): an identical pair differs only by noise and drift, which at 99 % with a
 * 5 % band is never called a difference (harness/test/bench/ repeats this under load).
 */
import type { BenchVerdict } from './bench-report.js';
import { mean, round, tCritical, variance } from './bench-stats.js';

/** Confidence level of every interval. */
export const CONFIDENCE = 0.99;
/** Smallest relative time difference ever called a difference. */
export const MIN_DETECTABLE_EFFECT = 0.05;

/** A ratio (subject over baseline) with its interval. */
export interface RatioInterval {
  readonly ratio: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Paired interval of per-round subject/baseline times (same rounds, interleaved). */
export function pairedRatio(subject: readonly number[], baseline: readonly number[]): RatioInterval {
  const logs = subject.map((s, i) => Math.log(s / (baseline[i] as number)));
  const m = mean(logs);
  const half = logs.length < 2 ? Number.POSITIVE_INFINITY : tCritical(CONFIDENCE, logs.length - 1) * Math.sqrt(variance(logs) / logs.length);
  return interval(m, half);
}

/** Welch interval of the ratio of two independent samples' geometric means. */
export function welchRatio(subject: readonly number[], baseline: readonly number[]): RatioInterval {
  const a = subject.map(Math.log);
  const b = baseline.map(Math.log);
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const df = (va + vb) ** 2 / ((va ** 2) / Math.max(1, a.length - 1) + (vb ** 2) / Math.max(1, b.length - 1));
  const half = a.length < 2 || b.length < 2 ? Number.POSITIVE_INFINITY : tCritical(CONFIDENCE, Number.isFinite(df) ? df : 1) * Math.sqrt(va + vb);
  return interval(mean(a) - mean(b), half);
}

function interval(logMean: number, half: number): RatioInterval {
  return { ratio: round(Math.exp(logMean)), ciLow: round(Math.exp(logMean - half)), ciHigh: Number.isFinite(half) ? round(Math.exp(logMean + half)) : Number.MAX_VALUE };
}

/** Slower or faster only when the whole interval lies beyond `1 ± effect`. */
export function timeVerdict(r: RatioInterval, effect: number = MIN_DETECTABLE_EFFECT): BenchVerdict {
  if (r.ciLow > 1 + effect) return 'slower';
  if (r.ciHigh < 1 / (1 + effect)) return 'faster';
  return 'no-detectable-difference';
}

/** Instruction counts are exact: any difference is one. */
export function instructionVerdict(subject: number, baseline: number): BenchVerdict {
  return subject > baseline ? 'slower' : subject < baseline ? 'faster' : 'no-detectable-difference';
}
