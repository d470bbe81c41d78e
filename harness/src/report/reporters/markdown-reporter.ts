/**
 * The Markdown summary reporter: a table of counts per plugin and every check that fails the run
 * with its message and replay command, appended to the file `$GITHUB_STEP_SUMMARY` names (GitHub
 * Actions shows it on the run's page). Plugin-provided text is escaped so it cannot become markup.
 */
import { appendFile } from 'node:fs/promises';
import type { ReportedResult, RunReport } from '../run-report.js';
import { expectationMismatch, reportPasses, resultVerdict } from '../result-verdict.js';

/** The environment variable GitHub Actions sets to the step summary file. */
export const STEP_SUMMARY_ENV = 'GITHUB_STEP_SUMMARY';

/** Escapes text for a Markdown table cell or paragraph: no HTML, no emphasis, no cell breaks. */
export function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

/** Longer messages are cut in the summary; the JSON and HTML reports hold them whole. */
const MAX_MESSAGE_CHARS = 500;

function failureEntry(r: ReportedResult): string[] {
  const full = expectationMismatch(r) ?? r.message.split('\n')[0] ?? '';
  const why = full.length > MAX_MESSAGE_CHARS ? `${full.slice(0, MAX_MESSAGE_CHARS)}… (${full.length} characters; see the JSON report)` : full;
  return [`- **${markdownText(r.check)}** (${r.status}): ${markdownText(why)}`, '', codeBlock(r.replay, 'sh').replace(/^/gm, '  '), ''];
}

/** The Markdown summary of the reports. */
export function formatMarkdownSummary(reports: readonly RunReport[]): string {
  const out = ['## plugcheck', '', '| plugin | profile | verdict | passed | failed | errored | timed out | skipped | expected |', '|---|---|---|---:|---:|---:|---:|---:|---:|'];
  for (const report of reports) {
    const s = report.summary;
    const expected = report.results.filter((r) => resultVerdict(r) === 'expected').length;
    const verdict = reportPasses(report) ? '✅ pass' : '❌ fail';
    out.push(`| ${markdownText(report.plugin.path)} | ${markdownText(report.plugin.profile)} | ${verdict} | ${s.passed} | ${s.failed} | ${s.errored} | ${s.timedOut} | ${s.skipped} | ${expected} |`);
  }
  for (const report of reports) {
    const bad = report.results.filter((r) => resultVerdict(r) === 'bad');
    if (bad.length === 0) continue;
    out.push('', `### ${markdownText(report.plugin.path)}: ${bad.length} check${bad.length === 1 ? '' : 's'} failing the run`, '');
    for (const r of bad) out.push(...failureEntry(r));
  }
  return `${out.join('\n')}\n`;
}

/** Appends the summary to the file `$GITHUB_STEP_SUMMARY` names; returns its path, or undefined when the variable is unset. */
export async function appendStepSummary(reports: readonly RunReport[], env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const path = env[STEP_SUMMARY_ENV];
  if (path === undefined || path === '') return undefined;
  await appendFile(path, `${formatMarkdownSummary(reports)}\n`);
  return path;
}
