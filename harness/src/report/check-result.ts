/**
 * The result of one check: a discriminated union on `status`.
 *
 * Plugin misbehaviour is data here, never an exception: a trap, a bad pointer or a hang becomes a
 * `failed` or `timed-out` result with evidence. `errored` is reserved for plugcheck's own faults.
 */

/** Every status a check can end with. */
export type CheckStatus = 'passed' | 'failed' | 'errored' | 'skipped' | 'timed-out';

/** The statuses in report order. */
export const CHECK_STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'errored', 'skipped', 'timed-out'];

/** JSON-serialisable facts that back a verdict: inputs, outputs, traps, pointers. */
export type Evidence = Readonly<Record<string, unknown>>;

interface ResultBase {
  /** Stable check id, e.g. `abi.memory-exported`. */
  readonly check: string;
  /** Wall time the check took, in milliseconds. */
  readonly durationMs: number;
}

/** The check held. */
export interface PassedResult extends ResultBase {
  readonly status: 'passed';
  readonly message: string;
  readonly evidence?: Evidence;
}

/** The plugin broke the rule the check enforces. */
export interface FailedResult extends ResultBase {
  readonly status: 'failed';
  readonly message: string;
  readonly evidence: Evidence;
}

/** plugcheck itself failed while running the check (a harness bug, not the plugin's fault). */
export interface ErroredResult extends ResultBase {
  readonly status: 'errored';
  readonly message: string;
  readonly evidence?: Evidence;
}

/** The check did not apply, or a check it depends on did not pass. */
export interface SkippedResult extends ResultBase {
  readonly status: 'skipped';
  readonly message: string;
}

/** A guest call or instantiation overran its time limit; the worker was replaced. */
export interface TimedOutResult extends ResultBase {
  readonly status: 'timed-out';
  readonly message: string;
  readonly evidence: Evidence;
}

/** The outcome of one check. */
export type CheckResult = PassedResult | FailedResult | ErroredResult | SkippedResult | TimedOutResult;

/** What a check's `run` returns; the engine adds the id and the duration. */
export type CheckOutcome =
  | Omit<PassedResult, keyof ResultBase>
  | Omit<FailedResult, keyof ResultBase>
  | Omit<SkippedResult, keyof ResultBase>;

/** Builds a passing outcome. */
export function pass(message: string, evidence?: Evidence): CheckOutcome {
  return evidence === undefined ? { status: 'passed', message } : { status: 'passed', message, evidence };
}

/** Builds a failing outcome; evidence is mandatory so every failure can be explained. */
export function fail(message: string, evidence: Evidence): CheckOutcome {
  return { status: 'failed', message, evidence };
}

/** Builds a skipped outcome with the reason. */
export function skip(message: string): CheckOutcome {
  return { status: 'skipped', message };
}
