/**
 * plugcheck's public API. Everything not exported here is internal and may change.
 */
export { testPlugin, replayCommand, DEFAULT_SEED } from './engine/test-plugin.js';
export type { TestPluginOptions } from './engine/test-plugin.js';
export { loadPlugin } from './engine/load-plugin.js';
export type { LoadedPlugin } from './engine/load-plugin.js';
export { resolveProfile } from './engine/resolve-profile.js';
export type { ResolvedProfile } from './engine/resolve-profile.js';
export { CHECKS, findCheck } from './checks/index.js';
export type { CheckDefinition } from './checks/check-definition.js';
export { PROFILES, getProfile } from './profiles/registry.js';
export { detectProfile, scoreProfile, describeNearMiss } from './profiles/detect-profile.js';
export type { Detection, ProfileScore, MistypedExport } from './profiles/detect-profile.js';
export type { Profile, ProfileId, Dialect, HookSpec, HookFixture, ExportSpec } from './profiles/profile.js';
export { inspectModule, formatSignature, sameSignature } from './wasm/index.js';
export type { ModuleInfo, FunctionSignature, ImportEntry, ExportEntry, MemoryLimits } from './wasm/index.js';
export { loadExpectations, expectedStatus } from './config/expectations.js';
export type { Expectations } from './config/expectations.js';
export { PlugcheckError, UsageError, PluginLoadError, ProfileError, ConfigError } from './errors.js';
export type { PlugcheckErrorCode } from './errors.js';
export { CHECK_STATUSES } from './report/check-result.js';
export type { CheckResult, CheckStatus, Evidence } from './report/check-result.js';
export { REPORT_SCHEMA_VERSION, summarize, isGreen } from './report/run-report.js';
export type { RunReport, ReportSummary, ReportPlugin, ReportedResult, ResultExpectation, ReportShard } from './report/run-report.js';
export { resultVerdict, reportPasses } from './report/result-verdict.js';
export type { ResultVerdict } from './report/result-verdict.js';
export { formatJunit, writeJunitReport, JUNIT_REPORT_FILE } from './report/reporters/junit-reporter.js';
export { formatMarkdownSummary, appendStepSummary } from './report/reporters/markdown-reporter.js';
export { mergeReports } from './report/merge-reports.js';
export { loadConfig, findConfig, CONFIG_FILE } from './config/plugcheck-config.js';
export type { PlugcheckConfig, PluginEntry, ExpectedFailure, ExpectedFailures } from './config/plugcheck-config.js';
export { applyExpectedFailures, updatedExpectedFailures } from './config/expected-failures.js';
export { parseShard, shardPlan } from './engine/shard.js';
export { writeJsonReport, JSON_REPORT_FILE } from './report/reporters/json-reporter.js';
export { writeHtmlReport, writeBenchHtmlReport, HTML_REPORT_FILE, BENCH_HTML_REPORT_FILE } from './report/reporters/html-reporter.js';
export { BENCH_REPORT_SCHEMA_VERSION, BENCH_PHASES } from './bench/bench-report.js';
export type { BenchReport, BenchPhase, BenchStats, BenchSizeResult, BenchHookResult, BenchPluginResult, BenchComparison, BenchComparisonRow, BenchVerdict, BenchGate, BenchFit } from './bench/bench-report.js';
export { main } from './cli/main.js';
