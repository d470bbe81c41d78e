/**
 * A slope fit that a few outliers cannot move: Theil–Sen, the median of the slopes between every
 * pair of points. Memory grows in steps (a page at a time, a GC cycle at a time), which pulls a
 * least-squares line around; the median of pairwise slopes follows the steady trend.
 */

/** One observation: `y` against `x`. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The Theil–Sen slope of the points (0 for fewer than two distinct x). */
export function theilSenSlope(points: readonly Point[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as Point;
    for (let j = i + 1; j < points.length; j++) {
      const b = points[j] as Point;
      if (b.x !== a.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  }
  if (slopes.length === 0) return 0;
  slopes.sort((p, q) => p - q);
  const mid = slopes.length >> 1;
  return slopes.length % 2 === 1 ? (slopes[mid] as number) : ((slopes[mid - 1] as number) + (slopes[mid] as number)) / 2;
}
