/**
 * The run report: everything one `plugcheck test` found, in the shape every reporter reads.
 * Versioned, so a consumer can tell which fields to expect.
 */
import type { ProfileScore } from '../profiles/detect-profile.js';
import type { Dialect, ProfileId } from '../profiles/profile.js';
import type { CheckResult, CheckStatus } from './check-result.js';

/** Bumped whenever a field changes meaning or is removed. */
export const REPORT_SCHEMA_VERSION = 1;

/** Counts of results by status. */
export interface ReportSummary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  readonly timedOut: number;
}

/** The plugin a report is about. */
export interface ReportPlugin {
  /** The plugin as given on the command line (a module, a manifest or a directory). */
  readonly path: string;
  /** The module's path, when the plugin was given as a manifest. */
  readonly module?: string;
  /** The manifest's path, when there is one. */
  readonly manifest?: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly profile: ProfileId;
  readonly dialect: Dialect;
  /** How the profile was chosen. */
  readonly profileSource: 'detected' | 'forced';
}

/**
 * An expected failure from the configuration, attached to the result it names: the status the
 * check is expected to end with, why, and whether the result met it. A met expectation does not
 * fail the run; an unmet one (e.g. an expected failure that now passes) does.
 */
export interface ResultExpectation {
  readonly status: CheckStatus;
  readonly reason: string;
  /** Where the failure is tracked (an issue URL), when the config gives one. */
  readonly link?: string;
  /** True when the result's status equals `status`. */
  readonly met: boolean;
}

/** A result plus what a reader needs next to it: title, spec reference, replay command. */
export type ReportedResult = CheckResult & {
  readonly title: string;
  readonly specRef: string;
  /** One command that re-runs just this check on this plugin. */
  readonly replay: string;
  /** Present when the configuration lists an expectation for this check. */
  readonly expectation?: ResultExpectation;
};

/** Which part of a sharded run a report holds: checks whose position in the plugin's check list modulo `count` is `index - 1`. */
export interface ReportShard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** The whole report. */
export interface RunReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'plugcheck'; readonly version: string; readonly node: string };
  readonly plugin: ReportPlugin;
  readonly detection: readonly ProfileScore[];
  readonly options: {
    readonly seed: number;
    readonly callTimeoutMs: number;
    readonly instantiateTimeoutMs: number;
    /** Present on a shard's report (`--shard index/count`): it holds only that shard's checks. */
    readonly shard?: ReportShard;
  };
  readonly summary: ReportSummary;
  readonly results: readonly ReportedResult[];
  readonly durationMs: number;
}

/** Counts results by status. */
export function summarize(results: readonly { readonly status: CheckStatus }[]): ReportSummary {
  const count = (s: CheckStatus) => results.filter((r) => r.status === s).length;
  return {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    errored: count('errored'),
    skipped: count('skipped'),
    timedOut: count('timed-out'),
  };
}

/** True when nothing failed, errored or timed out. */
export function isGreen(summary: ReportSummary): boolean {
  return summary.failed === 0 && summary.errored === 0 && summary.timedOut === 0;
}
