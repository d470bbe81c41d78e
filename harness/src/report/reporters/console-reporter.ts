/**
 * The console reporter: a header naming the plugin, one line per check as it finishes, the
 * evidence and replay command of every failure, and a summary line.
 */
import type { Style } from '../../cli/style.js';
import { statusTag } from '../../cli/style.js';
import type { CheckResult } from '../check-result.js';
import type { ReportedResult, RunReport } from '../run-report.js';
import { resultVerdict } from '../result-verdict.js';

const EVIDENCE_LINES = 14;

/** The line printed as soon as a check finishes. */
export function formatProgressLine(result: CheckResult, style: Style): string {
  return `  ${statusTag(result.status, style)} ${result.check.padEnd(26)} ${style.dim(result.message.split('\n')[0] ?? '')}`;
}

function formatEvidence(result: ReportedResult, style: Style): string[] {
  if (!('evidence' in result) || result.evidence === undefined) return [];
  const lines = JSON.stringify(result.evidence, null, 2).split('\n');
  const shown = lines.slice(0, EVIDENCE_LINES).map((l) => `      ${style.dim(l)}`);
  if (lines.length > EVIDENCE_LINES) shown.push(`      ${style.dim(`… ${lines.length - EVIDENCE_LINES} more lines in the JSON report`)}`);
  return shown;
}

/** The header printed before the checks run. */
export function formatHeader(report: Pick<RunReport, 'plugin'>, style: Style): string {
  const p = report.plugin;
  const dialect = Object.entries(p.dialect).map(([k, v]) => `${k}=${v}`).join(' ');
  return [
    `${style.bold('plugcheck')} ${p.path}`,
    `  profile ${style.bold(p.profile)} (${p.profileSource})  dialect ${dialect}`,
    `  sha256 ${p.sha256}`,
    '',
  ].join('\n');
}

/** Details of every failure, error and timeout, then the summary line. */
export function formatSummary(report: RunReport, style: Style): string {
  const out: string[] = [];
  const bad = report.results.filter((r) => r.status === 'failed' || r.status === 'errored' || r.status === 'timed-out');
  for (const r of bad) {
    out.push('', `${statusTag(r.status, style)} ${style.bold(r.check)} — ${r.title}`, `    ${r.message}`, `    spec: ${r.specRef}`);
    const e = r.expectation;
    if (e !== undefined) out.push(`    ${e.met ? style.yellow('expected') : style.red('NOT as expected')}: ${e.status} — ${e.reason}${e.link === undefined ? '' : ` (${e.link})`}`);
    out.push(...formatEvidence(r, style));
    out.push(`    replay: ${r.replay}`);
  }
  const s = report.summary;
  const parts = [`${s.passed} passed`, `${s.failed} failed`];
  if (s.errored > 0) parts.push(`${s.errored} errored`);
  if (s.timedOut > 0) parts.push(`${s.timedOut} timed out`);
  if (s.skipped > 0) parts.push(`${s.skipped} skipped`);
  const expected = report.results.filter((r) => resultVerdict(r) === 'expected').length;
  if (expected > 0) parts.push(`${expected} of them as expected`);
  out.push('', `${style.bold('checks')} ${parts.join(', ')} (${report.durationMs} ms, seed ${report.options.seed})`);
  return out.join('\n');
}
