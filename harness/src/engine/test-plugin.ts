/**
 * The one entry point both front doors (the CLI and the vitest suites) call: load a plugin,
 * resolve its profile, run the selected checks in a watched worker, and build the report.
 */
import { findCheck } from '../checks/index.js';
import type { ReplayCall } from '../fuzz/replay-bundle.js';
import { runInWorker } from '../host/worker-runner.js';
import type { ResultListener } from '../host/worker-runner.js';
import { REPORT_SCHEMA_VERSION, summarize } from '../report/run-report.js';
import { schemaRegistry } from '../schema/schema-registry.js';
import type { ReportedResult, ReportPlugin, RunReport } from '../report/run-report.js';
import { loadPlugin } from './load-plugin.js';
import { resolveProfile } from './resolve-profile.js';
import { selectChecks } from './select-checks.js';
import { PLUGCHECK_VERSION } from './version.js';

/** The default seed: fixed, so two runs of the same plugin agree. */
export const DEFAULT_SEED = 1;

/** Options of {@link testPlugin}. */
export interface TestPluginOptions {
  /** Path of the `.wasm` file. */
  readonly plugin: string;
  /** Profile id; detected when absent. */
  readonly profile?: string | undefined;
  /** Check-id globs; all applicable checks when empty. */
  readonly only?: readonly string[] | undefined;
  readonly seed?: number | undefined;
  /** Per-call time limit in ms; the profile's default when absent. */
  readonly callTimeoutMs?: number | undefined;
  /** Instantiation time limit in ms; the profile's default when absent. */
  readonly instantiateTimeoutMs?: number | undefined;
  /** Cases per fuzz check; fuzz/fuzz-settings.ts's default when absent. */
  readonly fuzzRuns?: number | undefined;
  /** Wall-time budget per fuzz check in ms; fuzz/fuzz-settings.ts's default when absent. */
  readonly fuzzTimeMs?: number | undefined;
  /** A replay bundle's call, sent by the check the bundle names instead of generated cases (`plugcheck replay`). */
  readonly replay?: ReplayCall | undefined;
  /** Called once the plugin is loaded and its profile known, before any check runs. */
  readonly onStart?: ((plugin: ReportPlugin) => void) | undefined;
  /** Called with each result as it arrives (for progress output). */
  readonly onResult?: ResultListener | undefined;
}

/** The command line that re-runs one check on one plugin; `flags` carries non-default limits. */
export function replayCommand(plugin: string, profile: string, check: string, seed: number, flags: readonly string[] = []): string {
  const quote = (s: string) => (/^[\w./@:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return [`npx plugcheck test ${quote(plugin)} --profile ${profile} --only ${check} --seed ${seed}`, ...flags].join(' ');
}

/** Tests one plugin and returns the report. Throws only when plugcheck cannot run. */
export async function testPlugin(options: TestPluginOptions): Promise<RunReport> {
  const started = performance.now();
  // Compiles every schema now, so a broken one stops the run with a coded error before any check.
  schemaRegistry();
  const plugin = await loadPlugin(options.plugin);
  const resolved = resolveProfile(plugin.module, options.plugin, options.profile, plugin.manifest);
  const checks = selectChecks(resolved.profile.id, options.only);
  const seed = options.seed ?? DEFAULT_SEED;
  const callTimeoutMs = options.callTimeoutMs ?? resolved.profile.limits.callTimeoutMs;
  const instantiateTimeoutMs = options.instantiateTimeoutMs ?? resolved.profile.limits.instantiateTimeoutMs;
  const reportPlugin: ReportPlugin = {
    path: options.plugin,
    ...(plugin.manifest === undefined ? {} : { module: plugin.path, manifest: plugin.manifest.path }),
    sha256: plugin.sha256,
    bytes: plugin.bytes.byteLength,
    profile: resolved.profile.id,
    dialect: resolved.dialect,
    profileSource: resolved.source,
  };
  options.onStart?.(reportPlugin);
  const results = await runInWorker(
    {
      bytes: plugin.bytes,
      module: plugin.module,
      manifest: plugin.manifest,
      profile: resolved.profile.id,
      dialect: resolved.dialect,
      checkIds: checks.map((c) => c.id),
      startIndex: 0,
      known: {},
      options: { seed, callTimeoutMs, instantiateTimeoutMs, fuzzRuns: options.fuzzRuns, fuzzTimeMs: options.fuzzTimeMs, replay: options.replay },
    },
    options.onResult,
  );
  const limits = resolved.profile.limits;
  const flags = [
    ...(callTimeoutMs !== limits.callTimeoutMs ? [`--timeout ${callTimeoutMs}`] : []),
    ...(instantiateTimeoutMs !== limits.instantiateTimeoutMs ? [`--instantiate-timeout ${instantiateTimeoutMs}`] : []),
    ...(options.fuzzRuns !== undefined ? [`--runs ${options.fuzzRuns}`] : []),
    ...(options.fuzzTimeMs !== undefined ? [`--fuzz-time ${options.fuzzTimeMs}`] : []),
  ];
  const reported = results.map((r): ReportedResult => {
    const def = findCheck(r.check, resolved.profile.id);
    const replay = replayCommand(options.plugin, resolved.profile.id, r.check, seed, flags);
    return { ...r, title: def?.title ?? r.check, specRef: def?.specRef ?? '', replay };
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'plugcheck', version: PLUGCHECK_VERSION, node: process.version },
    plugin: reportPlugin,
    detection: resolved.candidates,
    options: { seed, callTimeoutMs, instantiateTimeoutMs },
    summary: summarize(reported),
    results: reported,
    durationMs: Math.round(performance.now() - started),
  };
}
