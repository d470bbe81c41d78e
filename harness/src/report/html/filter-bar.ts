/**
 * The filter bar over the check tables: a checkbox per status (with its count), shortcuts for
 * "problems only" and "all", a text filter on the check id (substring, or a glob with `*`), and how
 * many checks are shown. The page script wires it; without a script the bar stays hidden.
 */
import { CHECK_STATUSES } from '../check-result.js';
import type { CheckStatus } from '../check-result.js';
import type { RunReport } from '../run-report.js';
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';
import { STATUS_LABELS } from './status-badge.js';

const PROBLEMS: readonly CheckStatus[] = ['failed', 'errored', 'timed-out'];

/** The filter bar for the checks of these reports. */
export function filterBar(reports: readonly RunReport[]): SafeHtml {
  const results = reports.flatMap((r) => r.results);
  const count = (s: CheckStatus) => results.filter((r) => r.status === s).length;
  return html`<form class="filters" role="search" aria-label="Filter checks">
<fieldset><legend>status</legend>${CHECK_STATUSES.map(
    (s) => html`<label class="s-${s}"><input type="checkbox" name="status" value="${s}" checked> ${STATUS_LABELS[s]} <span class="n">${count(s)}</span></label>`,
  )}</fieldset>
<button type="button" data-statuses="${PROBLEMS.join(' ')}">problems only</button>
<button type="button" data-statuses="${CHECK_STATUSES.join(' ')}">all</button>
<label>check id <input type="search" id="check-filter" placeholder="memory. or abi.*" autocomplete="off" spellcheck="false"></label>
<span class="shown" id="shown-count" aria-live="polite">showing ${results.length} of ${results.length} checks</span>
</form>`;
}
