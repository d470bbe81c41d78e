/**
 * The Vega-Lite specs of the benchmark report: where a call's time goes (phase split per payload
 * size), how time grows with the payload (sweep, with the raw floor beside it), and the A/B time
 * ratios with their confidence intervals.
 */
import type { TopLevelSpec } from 'vega-lite';
import { BENCH_PHASES } from '../../bench/bench-report.js';
import type { BenchComparison, BenchHookResult } from '../../bench/bench-report.js';
import { formatBytes } from './format-numbers.js';

const PHASE_COLOURS = ['#8c959f', '#2f6fde', '#d9822b', '#7a52c7', '#2e8b57'];
const WIDTH = 420;

/** Bytes as an axis label, in Vega's expression language (the labels of {@link formatBytes}). */
const BYTES_LABEL = "datum.value >= 1048576 ? format(datum.value / 1048576, '~g') + ' MiB' : datum.value >= 1024 ? format(datum.value / 1024, '~g') + ' KiB' : datum.value + ' B'";

/** Stacked bars: each phase's share of the call, one bar per payload size, in call order (the table gives the µs). */
export function phaseSplitSpec(hook: BenchHookResult): TopLevelSpec | undefined {
  const rows = hook.sizes.flatMap((s) =>
    s.phases.map((p) => ({ size: formatBytes(s.inputBytes), bytes: s.inputBytes, phase: p.phase, order: BENCH_PHASES.indexOf(p.phase), meanUs: p.stats.meanUs })),
  );
  if (rows.length === 0) return undefined;
  return {
    width: WIDTH,
    height: { step: 22 },
    title: 'phase split (share of a call’s time)',
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'size', type: 'ordinal', title: 'input', sort: { field: 'bytes', order: 'ascending' } },
      x: { field: 'meanUs', type: 'quantitative', title: null, stack: 'normalize', axis: { format: '%' } },
      color: { field: 'phase', type: 'nominal', title: 'phase', scale: { domain: [...BENCH_PHASES], range: PHASE_COLOURS } },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [{ field: 'phase' }, { field: 'meanUs', title: 'mean µs' }],
    },
  } as TopLevelSpec;
}

/** Lines over payload size: plugcheck's call, the raw floor and (Extism) the plain SDK. */
export function payloadSweepSpec(hook: BenchHookResult): TopLevelSpec | undefined {
  if (hook.sizes.length < 2) return undefined;
  const rows = hook.sizes.flatMap((s) => [
    { bytes: s.inputBytes, series: 'plugcheck call', meanUs: s.call.meanUs, p99Us: s.call.p99Us },
    { bytes: s.inputBytes, series: 'raw floor', meanUs: s.floor.meanUs, p99Us: s.floor.p99Us },
    ...(s.extism === undefined ? [] : [{ bytes: s.inputBytes, series: 'plain Extism SDK', meanUs: s.extism.sdk.meanUs, p99Us: s.extism.sdk.p99Us }]),
  ]);
  return {
    width: WIDTH,
    height: 200,
    title: 'payload sweep (mean µs per call)',
    data: { values: rows },
    mark: { type: 'line', point: true, strokeWidth: 1.75 },
    encoding: {
      x: { field: 'bytes', type: 'quantitative', title: 'input', scale: { type: 'log', base: 2 }, axis: { values: [...new Set(hook.sizes.map((s) => s.inputBytes))], labelExpr: BYTES_LABEL, grid: false } },
      y: { field: 'meanUs', type: 'quantitative', title: 'µs', scale: { type: 'log' }, axis: { format: '~g', tickCount: 4 } },
      color: { field: 'series', type: 'nominal', title: null },
    },
  } as TopLevelSpec;
}

/** Points with interval bars: subject/baseline time ratio per hook and size; 1 and the detectable band marked. */
export function comparisonSpec(comparison: BenchComparison): TopLevelSpec {
  const rows = comparison.rows.map((r) => ({
    row: `${r.hook} · ${formatBytes(r.requestedBytes)}`,
    ratio: r.time.ratio,
    ciLow: r.time.ciLow,
    ciHigh: r.time.ciHigh,
    verdict: r.time.verdict,
  }));
  const mde = comparison.minDetectableEffect;
  return {
    width: WIDTH,
    height: { step: 24 },
    title: `time ratio subject / baseline (${Math.round(comparison.confidence * 100)} % interval)`,
    layer: [
      { data: { values: [{ lo: 1 / (1 + mde), hi: 1 + mde }] }, mark: { type: 'rect', color: '#eef1f4' }, encoding: { x: { field: 'lo', type: 'quantitative', scale: { zero: false } }, x2: { field: 'hi' } } },
      { data: { values: [{ one: 1 }] }, mark: { type: 'rule', color: '#59636e', strokeDash: [4, 3] }, encoding: { x: { field: 'one', type: 'quantitative', scale: { zero: false } } } },
      {
        data: { values: rows },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'ciLow', type: 'quantitative', title: 'ratio (< 1: subject faster)', scale: { zero: false } }, x2: { field: 'ciHigh' } } },
          { mark: { type: 'point', filled: true, size: 60 }, encoding: { x: { field: 'ratio', type: 'quantitative', scale: { zero: false } } } },
        ],
        encoding: {
          y: { field: 'row', type: 'nominal', title: null, sort: null },
          color: {
            field: 'verdict',
            type: 'nominal',
            title: 'verdict',
            legend: { labelLimit: 240 },
            scale: { domain: ['faster', 'no-detectable-difference', 'slower'], range: ['#1a7f37', '#59636e', '#cf222e'] },
          },
        },
      },
    ],
  } as TopLevelSpec;
}
