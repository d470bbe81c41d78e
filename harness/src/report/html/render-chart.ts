/**
 * Charts: a Vega-Lite spec compiled with vega-lite and rendered to SVG by vega's headless view when
 * the report is written, so the page carries finished markup and no chart library. Vega escapes
 * every label it draws, which is what lets the SVG into the page as trusted markup.
 */
import type { TopLevelSpec } from 'vega-lite';
import { html, trustedHtml } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';

/** The report's look, shared by every chart: system fonts, quiet axes, the page's palette. */
export const CHART_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  background: '#ffffff',
  view: { stroke: null },
  axis: { labelColor: '#3d4450', titleColor: '#1f2328', gridColor: '#e8ebef', domainColor: '#9aa3ad', tickColor: '#9aa3ad', labelFontSize: 11, titleFontSize: 11, titleFontWeight: 600 },
  legend: { labelColor: '#3d4450', titleColor: '#1f2328', labelFontSize: 11, titleFontSize: 11, orient: 'bottom' },
  title: { color: '#1f2328', fontSize: 13, fontWeight: 600, anchor: 'start' },
  range: { category: ['#2f6fde', '#d9822b', '#2e8b57', '#b23a48', '#7a52c7', '#5b6472'] },
} as const;

// Namespace declarations name the SVG and XLink vocabularies; in HTML the parser supplies them,
// and dropping them keeps the page free of any URL at all.
const NAMESPACE_ATTRIBUTES = / xmlns(?::xlink)?="[^"]*"/g;

type VegaModules = { vega: typeof import('vega'); vl: typeof import('vega-lite') };
let modules: Promise<VegaModules> | undefined;

// Loaded on first use: vega costs ~150 ms to import, which a run without charts should not pay.
function loadVega(): Promise<VegaModules> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => ({ vega, vl }));
  return modules;
}

/** Compiles a Vega-Lite spec and renders it to an SVG string (namespace attributes removed). */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, vl } = await loadVega();
  const compiled = vl.compile({ ...spec, config: { ...CHART_CONFIG, ...spec.config } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg.replace(NAMESPACE_ATTRIBUTES, '');
  } finally {
    view.finalize();
  }
}

/** A chart as a figure: the rendered SVG with a caption a screen reader and a printout can use. */
export async function renderChart(spec: TopLevelSpec, caption: string): Promise<SafeHtml> {
  const svg = await chartSvg(spec);
  return html`<figure class="chart" role="img" aria-label="${caption}">${trustedHtml(svg)}<figcaption>${caption}</figcaption></figure>`;
}
