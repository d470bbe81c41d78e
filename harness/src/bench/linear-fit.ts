/**
 * Ordinary least squares of per-call time against input size: `fixedUs + perKiBUs × KiB`. The
 * fixed part is what a call costs however small its input; the slope is what each KiB adds.
 */
import type { BenchFit } from './bench-report.js';
import { mean, round } from './bench-stats.js';

/** Fits `series` through `(bytes, us)` points; undefined with fewer than two distinct sizes. */
export function linearFit(series: BenchFit['series'], points: readonly { readonly bytes: number; readonly us: number }[]): BenchFit | undefined {
  const xs = points.map((p) => p.bytes / 1024);
  const ys = points.map((p) => p.us);
  const mx = mean(xs);
  const my = mean(ys);
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  if (points.length < 2 || sxx === 0) return undefined;
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] as number) - my), 0);
  const slope = sxy / sxx;
  const fixed = my - slope * mx;
  const ssTot = ys.reduce((a, y) => a + (y - my) ** 2, 0);
  const ssRes = ys.reduce((a, y, i) => a + (y - (fixed + slope * (xs[i] as number))) ** 2, 0);
  const fit: BenchFit = { series, fixedUs: round(fixed), perKiBUs: round(slope) };
  return points.length >= 3 ? { ...fit, r2: round(ssTot === 0 ? 1 : 1 - ssRes / ssTot) } : fit;
}
