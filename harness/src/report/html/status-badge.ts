/**
 * How a status looks on the page: a label and a class the stylesheet colours. Colour is never the
 * only signal; the label is always written out.
 */
import type { CheckStatus } from '../check-result.js';
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';

/** The words shown for each status. */
export const STATUS_LABELS: Readonly<Record<CheckStatus, string>> = {
  passed: 'passed',
  failed: 'failed',
  errored: 'errored',
  skipped: 'skipped',
  'timed-out': 'timed out',
};

/** A coloured status label. */
export function statusBadge(status: CheckStatus): SafeHtml {
  return html`<span class="badge s-${status}">${STATUS_LABELS[status]}</span>`;
}

/** The PASS/FAIL label of a plugin or a run. */
export function verdictBadge(passes: boolean): SafeHtml {
  return passes ? html`<span class="verdict-badge pass">PASS</span>` : html`<span class="verdict-badge fail">FAIL</span>`;
}
