/**
 * Counts by status, as a row of figures. Each figure carries `data-count="<summary key>"` (the
 * JSON report's `summary` keys), so a test or a script can read the page's numbers back.
 */
import type { ReportSummary, RunReport } from '../run-report.js';
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';

const FIGURES: readonly (readonly [key: keyof ReportSummary, label: string, status: string])[] = [
  ['total', 'checks', 'total'],
  ['passed', 'passed', 'passed'],
  ['failed', 'failed', 'failed'],
  ['errored', 'errored', 'errored'],
  ['timedOut', 'timed out', 'timed-out'],
  ['skipped', 'skipped', 'skipped'],
];

/** The figures of a summary; zero figures are drawn quietly rather than left out, so the row keeps its shape. */
export function summaryCounts(summary: ReportSummary, scope: 'run' | 'plugin'): SafeHtml {
  return html`<ul class="counts counts-${scope}" data-scope="${scope}">${FIGURES.map(
    ([key, label, status]) =>
      html`<li class="count s-${status}${summary[key] === 0 ? ' zero' : ''}"><span class="n" data-count="${key}">${summary[key]}</span> <span class="l">${label}</span></li>`,
  )}</ul>`;
}

/** The summaries of several reports added up (the whole run's counts). */
export function sumSummaries(reports: readonly RunReport[]): ReportSummary {
  const add = (key: keyof ReportSummary) => reports.reduce((n, r) => n + r.summary[key], 0);
  return { total: add('total'), passed: add('passed'), failed: add('failed'), errored: add('errored'), skipped: add('skipped'), timedOut: add('timedOut') };
}
