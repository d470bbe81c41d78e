/**
 * Memory curves found in evidence: the memory.* checks record, for each call of a growth run, the
 * instance's pages and the heap's live bytes (`{ call, pages, liveBytes }`, see
 * checks/memory/memory-session.ts). Several checks share one growth run, so equal curves are kept once.
 */
import type { ReportedResult } from '../run-report.js';

/** Memory after one call. */
export interface MemorySample {
  readonly call: number;
  readonly pages: number;
  readonly liveBytes: number;
}

/** One curve: the samples of one evidence list, and what they came from. */
export interface MemoryCurve {
  /** The checks whose evidence holds this curve. */
  readonly checks: readonly string[];
  /** The evidence key the samples are under, e.g. `reused` (one long-lived instance). */
  readonly series: string;
  /** The hook called, when the evidence names it. */
  readonly hook: string | undefined;
  /** Calls treated as warm-up before the slope is measured, when the evidence says. */
  readonly warmUpCalls: number | undefined;
  /** Figures the evidence gives next to the samples (bytes per call etc.). */
  readonly liveBytesPerCall: number | undefined;
  readonly memoryBytesPerCall: number | undefined;
  readonly samples: readonly MemorySample[];
}

/** Fewer samples than this are a handful of spot checks, not a curve. */
export const MIN_CURVE_SAMPLES = 5;

const isSample = (v: unknown): v is MemorySample =>
  typeof v === 'object' && v !== null && ['call', 'pages', 'liveBytes'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number');

const numberOr = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Every memory curve in a report's memory.* results, equal curves merged. */
export function memoryCurves(results: readonly ReportedResult[]): MemoryCurve[] {
  const byKey = new Map<string, MemoryCurve & { checks: string[] }>();
  for (const result of results) {
    if (!result.check.startsWith('memory.') || !('evidence' in result) || result.evidence === undefined) continue;
    const evidence = result.evidence;
    for (const [series, value] of Object.entries(evidence)) {
      if (!Array.isArray(value) || value.length < MIN_CURVE_SAMPLES || !value.every(isSample)) continue;
      const samples = value.map(({ call, pages, liveBytes }) => ({ call, pages, liveBytes }));
      const key = `${series}:${JSON.stringify(samples)}`;
      const seen = byKey.get(key);
      if (seen !== undefined) {
        seen.checks.push(result.check);
        continue;
      }
      byKey.set(key, {
        checks: [result.check],
        series,
        hook: typeof evidence['hook'] === 'string' ? evidence['hook'] : undefined,
        warmUpCalls: numberOr(evidence['warmUpCalls']),
        liveBytesPerCall: numberOr(evidence['liveBytesPerCall']),
        memoryBytesPerCall: numberOr(evidence['memoryBytesPerCall']),
        samples,
      });
    }
  }
  return [...byKey.values()];
}
