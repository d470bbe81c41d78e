/**
 * Statistics of timing samples: the {@link BenchStats} of pooled tinybench samples, and the
 * Student-t quantiles the confidence intervals need. Pooling samples across rounds (rather than
 * averaging tinybench's per-round figures) keeps p50/p99 true percentiles of every call timed.
 */
import type { BenchStats } from './bench-report.js';

// Two-sided 99 % and 95 % Student-t critical values t(1 - α/2, df) for df = 1…30; larger df use the normal value.
const T99 = [63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.25, 3.169, 3.106, 3.055, 3.012, 2.977, 2.947, 2.921, 2.898, 2.878, 2.861, 2.845, 2.831, 2.819, 2.807, 2.797, 2.787, 2.779, 2.771, 2.763, 2.756, 2.75];
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/**
 * The two-sided Student-t critical value for `confidence` 0.95 or 0.99 and `df` degrees of freedom
 * (fractional df, from Welch's formula, round down: the conservative side).
 */
export function tCritical(confidence: 0.95 | 0.99, df: number): number {
  const table = confidence === 0.99 ? T99 : T95;
  const whole = Math.max(1, Math.floor(df));
  return table[whole - 1] ?? (confidence === 0.99 ? 2.576 : 1.96);
}

/** Arithmetic mean; NaN for no values. */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample variance (n − 1); 0 for fewer than two values. */
export function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

/** The median; NaN for no values. */
export function median(xs: readonly number[]): number {
  return quantile([...xs].sort((a, b) => a - b), 0.5);
}

/** Linear-interpolated quantile of ascending `sorted` values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (at - lo);
}

/** Stats of latency samples given in milliseconds (tinybench's unit), reported in microseconds. */
export function statsOfSamples(samplesMs: readonly number[]): BenchStats {
  const us = samplesMs.map((s) => s * 1000).sort((a, b) => a - b);
  const m = mean(us);
  const sem = Math.sqrt(variance(us) / Math.max(1, us.length));
  return {
    meanUs: round(m),
    p50Us: round(quantile(us, 0.5)),
    p99Us: round(quantile(us, 0.99)),
    rme: round(m > 0 ? (tCritical(0.95, us.length - 1) * sem * 100) / m : 0),
    samples: us.length,
  };
}

/** Rounds to 4 significant decimals: reports carry figures, not float noise. */
export function round(n: number, digits = 4): number {
  return Number.isFinite(n) ? Number(n.toFixed(digits)) : n;
}
