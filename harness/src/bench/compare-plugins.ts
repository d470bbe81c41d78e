/**
 * A/B: the subject against a baseline, per hook and size. Instruction counts are compared exactly;
 * times with the intervals of time-ratio.ts — interleaved in this process when the baseline is a
 * plugin, floor-normalised when it is a saved report. `--fail-on-regression` gates on both.
 */
import type { BenchComparison, BenchComparisonRow, BenchGate, BenchHookResult, BenchPlugin, BenchReport, BenchVerdict } from './bench-report.js';
import { round } from './bench-stats.js';
import type { PreparedHook } from './bench-target.js';
import { measureTasks } from './measure-hook.js';
import type { MeasureOptions } from './measure-hook.js';
import { CONFIDENCE, instructionVerdict, MIN_DETECTABLE_EFFECT, pairedRatio, timeVerdict, welchRatio } from './time-ratio.js';
import type { RatioInterval } from './time-ratio.js';

const INTERLEAVED_METHOD = `paired Student-t interval (${CONFIDENCE * 100} %) of the per-round log ratio of median call times, subject and baseline timed back to back in alternating order each round; a difference is called only when the whole interval lies beyond 1 ± ${MIN_DETECTABLE_EFFECT * 100} %`;
const FILE_METHOD = `Welch t interval (${CONFIDENCE * 100} %) of the log ratio of per-round call/floor ratios, each side normalised by the floor measured in its own process (times from different runs cannot be interleaved); a difference is called only when the whole interval lies beyond 1 ± ${MIN_DETECTABLE_EFFECT * 100} %`;

/** One row's time comparison from an interval. */
function timeRow(r: RatioInterval, rounds: number): BenchComparisonRow['time'] {
  return { ...r, rounds, verdict: timeVerdict(r) };
}

function instructionRow(subject: number, baseline: number): BenchComparisonRow['instructions'] {
  return { subject, baseline, ratio: round(baseline === 0 ? (subject === 0 ? 1 : Number.MAX_VALUE) : subject / baseline, 6), verdict: instructionVerdict(subject, baseline) };
}

/** Interleaved rounds of the two plugins' whole calls on the same input; returns the time comparison. */
export async function interleavedTime(subject: PreparedHook, baseline: PreparedHook, options: MeasureOptions): Promise<BenchComparisonRow['time']> {
  // measureTasks rotates the order each round, so with two tasks they alternate: S,B then B,S.
  const pooled = await measureTasks([['subject', subject.call], ['baseline', baseline.call]], options, subject.async || baseline.async);
  const s = pooled.get('subject')?.roundMedians ?? [];
  const b = pooled.get('baseline')?.roundMedians ?? [];
  return timeRow(pairedRatio(s, b), s.length);
}

/** One comparison row. */
export function comparisonRow(hook: string, requestedBytes: number, instructions: { subject: number; baseline: number }, time: BenchComparisonRow['time']): BenchComparisonRow {
  return { hook, requestedBytes, instructions: instructionRow(instructions.subject, instructions.baseline), time };
}

/** The worst verdict: slower beats faster beats no difference. */
export function overallVerdict(rows: readonly BenchComparisonRow[]): BenchVerdict {
  const verdicts = rows.map((r) => r.time.verdict);
  return verdicts.includes('slower') ? 'slower' : verdicts.includes('faster') ? 'faster' : 'no-detectable-difference';
}

/**
 * The regression gate: fails on any instruction count more than `thresholdPct` above the
 * baseline's (exact), and on a time whose whole interval lies above 1 + max(threshold, minimum
 * detectable effect) — a time difference too small to detect never fails a build.
 */
export function regressionGate(rows: readonly BenchComparisonRow[], thresholdPct: number): BenchGate {
  const limit = 1 + thresholdPct / 100;
  const timeLimit = 1 + Math.max(thresholdPct / 100, MIN_DETECTABLE_EFFECT);
  const failures: string[] = [];
  for (const r of rows) {
    const where = `${r.hook} at ${r.requestedBytes} B`;
    if (r.instructions.subject > r.instructions.baseline * limit) {
      failures.push(`${where}: ${r.instructions.subject} instructions per call, ${((r.instructions.ratio - 1) * 100).toFixed(2)} % above the baseline's ${r.instructions.baseline} (limit +${thresholdPct} %)`);
    }
    if (r.time.ciLow > timeLimit) {
      failures.push(`${where}: ${r.time.ratio.toFixed(3)}× the baseline's time, ${CONFIDENCE * 100} % interval [${r.time.ciLow.toFixed(3)}, ${r.time.ciHigh.toFixed(3)}] entirely above ${timeLimit.toFixed(3)}×`);
    }
  }
  return { thresholdPct, passed: failures.length === 0, failures };
}

/** Assembles a comparison from its rows. */
export function comparison(method: BenchComparison['method'], baseline: BenchComparison['baseline'], rows: readonly BenchComparisonRow[], thresholdPct: number | undefined): BenchComparison {
  return {
    method,
    baseline,
    confidence: CONFIDENCE,
    minDetectableEffect: MIN_DETECTABLE_EFFECT,
    intervalMethod: method === 'interleaved' ? INTERLEAVED_METHOD : FILE_METHOD,
    rows,
    verdict: overallVerdict(rows),
    ...(thresholdPct === undefined ? {} : { gate: regressionGate(rows, thresholdPct) }),
  };
}

/** Compares the subject's measured hooks with a saved report's (same hooks and sizes only). */
export function compareWithBaselineFile(subject: readonly BenchHookResult[], saved: BenchReport, savedPath: string, thresholdPct: number | undefined): BenchComparison {
  const base = saved.plugins.find((p) => p.role === 'subject') ?? saved.plugins[0];
  const rows: BenchComparisonRow[] = [];
  for (const hook of subject) {
    for (const size of hook.sizes) {
      const other = base?.hooks.find((h) => h.hook === hook.hook)?.sizes.find((s) => s.requestedBytes === size.requestedBytes);
      if (other === undefined) continue;
      const time = timeRow(welchRatio(size.floorRoundRatios, other.floorRoundRatios), Math.min(size.floorRoundRatios.length, other.floorRoundRatios.length));
      rows.push(comparisonRow(hook.hook, size.requestedBytes, { subject: size.instructions, baseline: other.instructions }, time));
    }
  }
  const plugin: BenchPlugin | undefined = base?.plugin;
  return comparison('baseline-file', { path: savedPath, sha256: plugin?.sha256 ?? '0'.repeat(64), createdAt: saved.createdAt }, rows, thresholdPct);
}
