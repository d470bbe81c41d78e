/**
 * The top of the report, the verdict at a glance: PASS or FAIL for the whole run with one sentence
 * saying why, the run's counts, a table per profile, and (for a run over several plugins) one row
 * per plugin linking to its section.
 */
import type { RunReport } from '../run-report.js';
import { pluginAnchor } from './plugin-section.js';
import { reportPasses, resultVerdict } from '../result-verdict.js';
import { html } from './safe-html.js';
import type { SafeHtml } from './safe-html.js';
import { summaryCounts, sumSummaries } from './summary-counts.js';
import { verdictBadge } from './status-badge.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Failing check ids named in the verdict sentence before it says "…". */
const NAMED_FAILURES = 3;

/** The sentence under the verdict: which checks failed (and where), or that everything held. */
export function verdictSentence(reports: readonly RunReport[]): string {
  const results = reports.flatMap((r) => r.results);
  const against = results.filter((r) => resultVerdict(r) === 'bad');
  const expected = results.filter((r) => resultVerdict(r) === 'expected').length;
  const failing = reports.filter((r) => !reportPasses(r)).length;
  const expectedNote = expected > 0 ? `; ${plural(expected, 'expected failure')} as configured` : '';
  if (against.length === 0) {
    return `Every check of ${plural(reports.length, 'plugin')} held (${plural(results.length, 'check')} run${expectedNote}).`;
  }
  const ids = [...new Set(against.map((r) => r.check))];
  const named = `${ids.slice(0, NAMED_FAILURES).join(', ')}${ids.length > NAMED_FAILURES ? ', …' : ''}`;
  const where = reports.length > 1 ? ` in ${failing} of ${plural(reports.length, 'plugin')}` : '';
  const sentence = `${plural(against.length, 'check')} failed${where}: ${named}${expectedNote}`;
  return sentence.endsWith('…') ? sentence : `${sentence}.`;
}

function profileRows(reports: readonly RunReport[]): SafeHtml[] {
  const profiles = [...new Set(reports.map((r) => r.plugin.profile))];
  return profiles.map((profile) => {
    const mine = reports.filter((r) => r.plugin.profile === profile);
    const s = sumSummaries(mine);
    const passes = mine.every(reportPasses);
    return html`<tr data-profile="${profile}"><td><code>${profile}</code></td><td class="num">${mine.length}</td><td class="num">${s.total}</td><td class="num s-passed">${s.passed}</td><td class="num s-failed">${s.failed}</td><td class="num s-errored">${s.errored}</td><td class="num s-timed-out">${s.timedOut}</td><td class="num s-skipped">${s.skipped}</td><td>${verdictBadge(passes)}</td></tr>`;
  });
}

function pluginRows(reports: readonly RunReport[]): SafeHtml[] {
  return reports.map((r, i) => {
    const s = r.summary;
    return html`<tr><td><a href="#${pluginAnchor(i)}" class="path">${r.plugin.path}</a></td><td><code>${r.plugin.profile}</code></td><td class="num">${s.total}</td><td class="num s-passed">${s.passed}</td><td class="num s-failed">${s.failed}</td><td class="num s-errored">${s.errored}</td><td class="num s-timed-out">${s.timedOut}</td><td class="num s-skipped">${s.skipped}</td><td>${verdictBadge(reportPasses(r))}</td></tr>`;
  });
}

const COUNT_HEADS = html`<th class="num">checks</th><th class="num">passed</th><th class="num">failed</th><th class="num">errored</th><th class="num">timed out</th><th class="num">skipped</th><th>verdict</th>`;

/** The verdict section of a run over one or more plugins. */
export function verdictSection(reports: readonly RunReport[]): SafeHtml {
  const passes = reports.every(reportPasses);
  return html`<section class="verdict ${passes ? 'pass' : 'fail'}" data-verdict="${passes ? 'pass' : 'fail'}">
<div class="verdict-line">${verdictBadge(passes)}<p class="verdict-text">${verdictSentence(reports)}</p></div>
${summaryCounts(sumSummaries(reports), 'run')}
</section>
<section class="overview">
<h2>By profile</h2>
<table class="profiles compact"><thead><tr><th>profile</th><th class="num">plugins</th>${COUNT_HEADS}</tr></thead><tbody>${profileRows(reports)}</tbody></table>
${reports.length > 1 ? html`<h2>By plugin</h2><table class="plugins compact"><thead><tr><th>plugin</th><th>profile</th>${COUNT_HEADS}</tr></thead><tbody>${pluginRows(reports)}</tbody></table>` : ''}
</section>`;
}
