/**
 * The per-check table of one plugin: one row per check (status, id, title, first line of the
 * message, time), and under every failure, error or timeout a row with its evidence. Each check is
 * its own `<tbody>` carrying `data-status` and `data-check`, so the page's filters hide a check
 * and its evidence together.
 */
import type { ReportedResult, RunReport } from '../run-report.js';
import { evidenceView } from './evidence-view.js';
import { formatDuration } from './format-numbers.js';
import { inlineCode } from './inline-code.js';
import { resultVerdict } from '../result-verdict.js';
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';
import { statusBadge } from './status-badge.js';

const COLUMNS = 5;

function checkRows(result: ReportedResult): SafeHtml {
  const verdict = resultVerdict(result);
  const unmet = result.expectation !== undefined && !result.expectation.met;
  const shown = verdict !== 'ok';
  const firstLine = result.message.split('\n')[0] ?? '';
  const hasMore = 'evidence' in result && result.evidence !== undefined;
  const tag =
    verdict === 'expected'
      ? html` <span class="tag expected" title="listed as an expected failure">expected</span>`
      : unmet
        ? html` <span class="tag unmet" title="the configuration expected another status">unmet expectation</span>`
        : '';
  const message =
    !shown && hasMore
      ? html`<details class="more"><summary>${inlineCode(firstLine)}</summary>${evidenceView(result, { bad: false })}</details>`
      : html`<span class="msg-line">${inlineCode(firstLine)}</span>`;
  return html`<tbody class="check v-${verdict}${unmet ? ' unmet' : ''}" data-status="${result.status}" data-check="${result.check}">
<tr class="row"><td class="status">${statusBadge(result.status)}${tag}</td><td class="id"><code>${result.check}</code></td><td class="title">${inlineCode(result.title)}</td><td class="msg">${message}</td><td class="num">${formatDuration(result.durationMs)}</td></tr>
${shown ? html`<tr class="detail"><td colspan="${COLUMNS}">${evidenceView(result, { bad: true })}</td></tr>` : ''}
</tbody>`;
}

/** The table of one plugin's checks, in the order they ran. */
export function checksTable(report: RunReport): SafeHtml {
  return html`<table class="checks">
<colgroup><col class="c-status"><col class="c-id"><col class="c-title"><col class="c-msg"><col class="c-time"></colgroup>
<thead><tr><th>status</th><th>check</th><th>title</th><th>result</th><th class="num">time</th></tr></thead>
${report.results.map(checkRows)}
<tbody class="none-match" hidden><tr><td colspan="${COLUMNS}" class="muted">No check of this plugin matches the filter.</td></tr></tbody>
</table>`;
}
