/**
 * The HTML page of a `plugcheck test` run: the verdict at a glance, the tables by profile (and by
 * plugin), the filter bar, then one section per plugin with its memory curves, checks and evidence.
 */
import type { RunReport } from '../run-report.js';
import { filterBar } from './filter-bar.js';
import { renderPage } from './page-template.js';
import { pluginSection } from './plugin-section.js';
import { reportPasses } from '../result-verdict.js';
import { html } from './safe-html.js';
import { verdictSection } from './verdict-section.js';

/** The line under the heading: who wrote the page, when, on what. */
export function metaLine(tool: { readonly name: string; readonly version: string; readonly node: string } | undefined, written: Date): string {
  const stamp = `${written.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return tool === undefined ? `written ${stamp}` : `${tool.name} ${tool.version} · node ${tool.node} · written ${stamp}`;
}

/** Renders the page of a run over one or more plugins. */
export async function renderRunPage(reports: readonly RunReport[], written: Date = new Date()): Promise<string> {
  if (reports.length === 0) throw new RangeError('an HTML report needs at least one plugin report');
  const passes = reports.every(reportPasses);
  const subject = reports.length === 1 ? (reports[0]?.plugin.path ?? '') : `${reports.length} plugins`;
  const sections = await Promise.all(reports.map((r, i) => pluginSection(r, i)));
  return renderPage({
    title: `plugcheck ${passes ? 'PASS' : 'FAIL'}: ${subject}`,
    heading: 'plugcheck report',
    meta: metaLine(reports[0]?.tool, written),
    body: html`${verdictSection(reports)}
${filterBar(reports)}
${sections}
<footer>Report schema version ${reports[0]?.schemaVersion}. Every failure's replay command re-runs that check alone; the JSON report holds the same results.</footer>`,
  });
}
