/**
 * The memory section of a plugin: heap live bytes and memory pages against call number for every
 * memory curve in the evidence, as two charts side by side, the warm-up calls marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RunReport } from '../run-report.js';
import { memoryCurves } from './memory-curves.js';
import type { MemoryCurve } from './memory-curves.js';
import { renderChart } from './render-chart.js';
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';

const WIDTH = 380;
const HEIGHT = 170;

/** The Vega-Lite spec of one curve: live bytes (left) and pages (right) against the call number. */
export function memoryCurveSpec(curve: MemoryCurve): TopLevelSpec {
  const x = { field: 'call', type: 'quantitative', title: 'call', axis: { tickMinStep: 1 } } as const;
  const warmUp =
    curve.warmUpCalls === undefined || curve.warmUpCalls === 0
      ? []
      : [{ mark: { type: 'rule', color: '#9aa3ad', strokeDash: [4, 3] }, encoding: { x: { datum: curve.warmUpCalls + 0.5, type: 'quantitative' } } }];
  return {
    data: { values: curve.samples.map((s) => ({ ...s })) },
    hconcat: [
      {
        width: WIDTH,
        height: HEIGHT,
        title: 'heap live bytes',
        layer: [
          ...warmUp,
          { mark: { type: 'line', color: '#2f6fde', strokeWidth: 1.75 }, encoding: { x, y: { field: 'liveBytes', type: 'quantitative', title: 'bytes', axis: { labelExpr: "datum.value === 0 ? '0' : format(datum.value, '~s')" } } } },
        ],
      },
      {
        width: WIDTH,
        height: HEIGHT,
        title: 'memory pages (64 KiB)',
        layer: [
          ...warmUp,
          {
            mark: { type: 'line', interpolate: 'step-after', color: '#d9822b', strokeWidth: 1.75 },
            encoding: { x, y: { field: 'pages', type: 'quantitative', title: 'pages', scale: { zero: true }, axis: { tickMinStep: 1 } } },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}

const round = (n: number) => Math.round(n * 10) / 10;

function caption(curve: MemoryCurve): string {
  const calls = curve.samples.length;
  const target = curve.hook === undefined ? `${calls} calls` : `\`${curve.hook}\` called ${calls} times`;
  const where = curve.series === 'reused' ? ' on one long-lived instance' : ` (${curve.series})`;
  const slopes = [
    curve.liveBytesPerCall === undefined ? undefined : `heap ${round(curve.liveBytesPerCall)} B/call`,
    curve.memoryBytesPerCall === undefined ? undefined : `memory ${round(curve.memoryBytesPerCall)} B/call`,
  ].filter((s) => s !== undefined);
  const warm = curve.warmUpCalls === undefined ? '' : `; dashed line: end of ${curve.warmUpCalls} warm-up calls`;
  return `${curve.checks.join(', ')}: ${target}${where}${slopes.length > 0 ? ` — ${slopes.join(', ')}` : ''}${warm}`;
}

/** The memory section of one plugin, or nothing when its evidence holds no curve. */
export async function memorySection(report: RunReport): Promise<SafeHtml> {
  const curves = memoryCurves(report.results);
  if (curves.length === 0) return html``;
  const charts = await Promise.all(curves.map((c) => renderChart(memoryCurveSpec(c), caption(c))));
  return html`<section class="memory"><h3>Memory against calls</h3>${charts}</section>`;
}
