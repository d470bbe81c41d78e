/**
 * Expected failures from the config, applied to a report: each result a `expectedFailures` entry
 * names carries `expectation` (met or not). Entries naming no check of the plugin's profile are
 * stale and fail the run, so a list of known failures cannot rot quietly.
 */
import type { RunReport } from '../report/run-report.js';
import { expectationMismatch } from '../report/result-verdict.js';
import type { ExpectedFailures } from './plugcheck-config.js';
import { unknownCheckIds } from './validate-document.js';

/** A report with its expectations attached, and what about them fails the run. */
export interface CheckedReport {
  readonly report: RunReport;
  /** One message per stale entry or unmet expectation. Empty when the expectations hold. */
  readonly problems: readonly string[];
}

/**
 * Attaches the expected failures to the results they name. Entries for checks this run did not
 * run (`--only`, `--skip`, another shard) are left alone; entries naming no check of the profile
 * are problems.
 */
export function applyExpectedFailures(report: RunReport, expected: ExpectedFailures = {}): CheckedReport {
  const results = report.results.map((r) => {
    const entry = expected[r.check];
    if (entry === undefined) return r;
    const status = entry.status ?? 'failed';
    return { ...r, expectation: { status, reason: entry.reason, ...(entry.link === undefined ? {} : { link: entry.link }), met: r.status === status } };
  });
  const stale = unknownCheckIds(Object.keys(expected), report.plugin.profile).map(
    (id) => `${report.plugin.path}: expectedFailures names "${id}", which is no check of profile ${report.plugin.profile} — remove the entry (or run with --update-expectations)`,
  );
  const unmet = results.map((r) => expectationMismatch(r)).filter((m): m is string => m !== undefined).map((m) => `${report.plugin.path}: ${m}`);
  return { report: { ...report, results }, problems: [...stale, ...unmet] };
}

/** The reason `--update-expectations` writes for a new entry: a placeholder that asks to be replaced. */
export const PLACEHOLDER_REASON = 'TODO: say why this check is expected to fail, and link the issue that tracks it (written by --update-expectations)';

/**
 * The expected failures after a run: every result that failed, errored or timed out, keeping the
 * reason and link of an existing entry; entries for checks that now pass or name no check are
 * dropped; entries for checks this run did not run are kept.
 */
export function updatedExpectedFailures(report: RunReport, current: ExpectedFailures = {}): ExpectedFailures {
  const ran = new Set(report.results.map((r) => r.check));
  const stale = new Set(unknownCheckIds(Object.keys(current), report.plugin.profile));
  const next: Record<string, { status: 'failed' | 'errored' | 'timed-out'; reason: string; link?: string }> = {};
  for (const [id, entry] of Object.entries(current)) {
    if (!ran.has(id) && !stale.has(id)) next[id] = { status: entry.status ?? 'failed', reason: entry.reason, ...(entry.link === undefined ? {} : { link: entry.link }) };
  }
  for (const r of report.results) {
    if (r.status !== 'failed' && r.status !== 'errored' && r.status !== 'timed-out') continue;
    const old = current[r.check];
    next[r.check] = { status: r.status, reason: old?.reason ?? PLACEHOLDER_REASON, ...(old?.link === undefined ? {} : { link: old.link }) };
  }
  return next;
}
