/**
 * What a result means for the run once expected failures are taken into account: the one rule
 * the exit code, the JUnit file and the step summary all follow, so they never disagree.
 */
import type { CheckStatus } from './check-result.js';
import type { ReportedResult, RunReport } from './run-report.js';

/**
 * - `ok`: passed or skipped, with no expectation saying otherwise;
 * - `expected`: did not pass, exactly as the configuration expects (does not fail the run);
 * - `bad`: failed, errored or timed out unexpectedly, or did not meet its expectation.
 */
export type ResultVerdict = 'ok' | 'expected' | 'bad';

/** True for the statuses that fail a run when nothing expects them. */
export function isFailingStatus(status: CheckStatus): boolean {
  return status === 'failed' || status === 'errored' || status === 'timed-out';
}

/** The verdict of one result. */
export function resultVerdict(result: Pick<ReportedResult, 'status' | 'expectation'>): ResultVerdict {
  if (result.expectation !== undefined) {
    if (!result.expectation.met) return 'bad';
    return result.status === 'passed' ? 'ok' : 'expected';
  }
  return isFailingStatus(result.status) ? 'bad' : 'ok';
}

/** True when no result of the report is `bad`: the report does not fail the run. */
export function reportPasses(report: Pick<RunReport, 'results'>): boolean {
  return report.results.every((r) => resultVerdict(r) !== 'bad');
}

/** One line saying why an unmet expectation fails the run, or undefined when it is met or absent. */
export function expectationMismatch(result: Pick<ReportedResult, 'check' | 'status' | 'expectation'>): string | undefined {
  const e = result.expectation;
  if (e === undefined || e.met) return undefined;
  const why = result.status === 'passed' ? ' — it is fixed: remove the entry (or run with --update-expectations)' : '';
  return `${result.check} was expected to be ${e.status} (${e.reason}) but is ${result.status}${why}`;
}
