/**
 * The HTML page of a `plugcheck bench` run, the performance comparison report: verdict and A/B
 * comparison first, then every plugin's phase splits and payload sweeps.
 */
import type { BenchReport } from '../../bench/bench-report.js';
import { benchPluginSection, benchVerdictSection, comparisonSection } from './bench-sections.js';
import { renderPage } from './page-template.js';
import { metaLine } from './run-page.js';
import { html } from './safe-html.js';

/** Renders the page of a benchmark run. */
export async function renderBenchPage(bench: BenchReport, written: Date = new Date()): Promise<string> {
  const subject = bench.plugins.find((p) => p.role === 'subject') ?? bench.plugins[0];
  const sections = await Promise.all(bench.plugins.map((p, i) => benchPluginSection(p, i)));
  return renderPage({
    title: `plugcheck bench: ${subject?.plugin.path ?? 'no plugin'}`,
    heading: 'plugcheck benchmark report',
    meta: metaLine(bench.tool, written),
    body: html`${benchVerdictSection(bench)}
${bench.comparison === undefined ? '' : await comparisonSection(bench.comparison)}
${sections}
<footer>Bench report schema version ${bench.schemaVersion}. Times are microseconds per call; the raw floor is the same call with no harness, measured in the same run.</footer>`,
  });
}
