/**
 * Synthetic run reports for reporter unit tests: a valid RunReport around the results given,
 * with a summary that adds up, so a test states only what it is about.
 */
import type { CheckResult } from '../../src/report/check-result.js';
import { REPORT_SCHEMA_VERSION, summarize } from '../../src/report/run-report.js';
import type { ReportedResult, RunReport } from '../../src/report/run-report.js';

/** A reported result with a title, spec reference and replay command derived from its id. */
export function reported(result: CheckResult, extra: Partial<Pick<ReportedResult, 'expectation'>> = {}): ReportedResult {
  return {
    ...result,
    title: `title of ${result.check}`,
    specRef: `spec of ${result.check}`,
    replay: `npx plugcheck test p.wasm --profile bifrost-v2 --only ${result.check} --seed 7`,
    ...extra,
  };
}

/** A report of `results` for a plugin at `path`. */
export function reportOf(results: readonly ReportedResult[], path = 'p.wasm', sha256 = 'a'.repeat(64)): RunReport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'plugcheck', version: '0.1.0', node: process.version },
    plugin: { path, sha256, bytes: 10, profile: 'bifrost-v2', dialect: { allocator: 'malloc' }, profileSource: 'detected' },
    detection: [],
    options: { seed: 7, callTimeoutMs: 5000, instantiateTimeoutMs: 10000 },
    summary: summarize(results),
    results,
    durationMs: 12,
  };
}
