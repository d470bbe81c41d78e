/**
 * The one entry point both front doors (the CLI and the vitest suites) call: load a plugin,
 * resolve its profile, run the selected checks in a watched worker, and build the report.
 */
import { findCheck } from '../checks/index.js';
import { runInWorker } from '../host/worker-runner.js';
import type { ResultListener } from '../host/worker-runner.js';
import { REPORT_SCHEMA_VERSION, summarize } from '../report/run-report.js';
import { schemaRegistry } from '../schema/schema-registry.js';
import type { ReportedResult, ReportPlugin, ReportShard, RunReport } from '../report/run-report.js';
import { loadPlugin } from './load-plugin.js';
import { resolveProfile } from './resolve-profile.js';
import { selectChecks } from './select-checks.js';
import { shardPlan } from './shard.js';
import { PLUGCHECK_VERSION } from './version.js';
import type { RunOptions } from './check-context.js';
import { defaultCallTimeoutMs } from '../profiles/effective-limits.js';
import { restrictHooks } from '../profiles/restrict-hooks.js';
import { withExtraInputs } from '../profiles/extra-inputs.js';
import { withInitConfig } from '../profiles/init-config.js';
import { forceDialect } from '../profiles/dialect-variants.js';
import type { Dialect } from '../profiles/profile.js';

/** The default seed: fixed, so two runs of the same plugin agree. */
export const DEFAULT_SEED = 1;

/**
 * Options of {@link testPlugin}: what to test and how to select and report, plus every
 * {@link RunOptions} field (limits, fuzzing, hooks…), which goes to the checks as given.
 */
export interface TestPluginOptions extends Omit<RunOptions, 'seed'> {
  /** Path of the `.wasm` file. */
  readonly plugin: string;
  /** Profile id; detected when absent. */
  readonly profile?: string | undefined;
  /** Dialect axes to force (the config's `dialect`), replacing what detection finds; see profiles/dialect-variants.ts. */
  readonly dialect?: Dialect | undefined;
  /** Check-id globs; all applicable checks when empty. */
  readonly only?: readonly string[] | undefined;
  /** Check-id globs to leave out (`--skip`), applied after `only`. */
  readonly skip?: readonly string[] | undefined;
  /** Report only this shard's checks (`--shard i/n`, engine/shard.ts); their dependencies run unreported. */
  readonly shard?: ReportShard | undefined;
  /** Seed of the run; {@link DEFAULT_SEED} when absent. */
  readonly seed?: number | undefined;
  /** Called once the plugin is loaded and its profile known, before any check runs, with the ids of the checks about to run in order. */
  readonly onStart?: ((plugin: ReportPlugin, checkIds: readonly string[]) => void) | undefined;
  /** Called with each reported result as it arrives (for progress output); `index` is its place in `onStart`'s `checkIds`. */
  readonly onResult?: ResultListener | undefined;
  /** Called whenever a check of `onStart`'s `checkIds` finishes, reported or not (a shard's dependencies), with its index. */
  readonly onCheckDone?: ((index: number) => void) | undefined;
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
  const dialect = forceDialect(resolved.profile.id, resolved.dialect, options.dialect);
  // Checked here, before the worker starts, so a hook name that is no hook of the profile, or an
  // input or init config plugcheck could not send, stops the run with a coded error.
  withInitConfig(withExtraInputs(restrictHooks(resolved.profile, options.hooks), options.inputs), options.pluginConfig);
  const selected = selectChecks(resolved.profile.id, options.only, options.skip);
  const plan = options.shard === undefined ? undefined : shardPlan(selected, options.shard);
  const checkIds = plan?.run ?? selected.map((c) => c.id);
  const reportedIds = new Set(plan?.report ?? checkIds);
  const seed = options.seed ?? DEFAULT_SEED;
  // What is left once selection, reporting and listeners are taken off is the checks' RunOptions.
  const { plugin: _plugin, profile: _profile, dialect: _dialect, only: _only, skip: _skip, shard: _shard, onStart: _onStart, onResult: _onResult, onCheckDone: _onCheckDone, ...runOptions } = options;
  const callTimeoutMs = options.callTimeoutMs ?? defaultCallTimeoutMs(resolved.profile, options);
  const instantiateTimeoutMs = options.instantiateTimeoutMs ?? resolved.profile.limits.instantiateTimeoutMs;
  const reportPlugin: ReportPlugin = {
    path: options.plugin,
    ...(plugin.manifest === undefined ? {} : { module: plugin.path, manifest: plugin.manifest.path }),
    sha256: plugin.sha256,
    bytes: plugin.bytes.byteLength,
    profile: resolved.profile.id,
    dialect,
    profileSource: resolved.source,
  };
  options.onStart?.(reportPlugin, checkIds);
  const results = await runInWorker(
    {
      bytes: plugin.bytes,
      module: plugin.module,
      manifest: plugin.manifest,
      profile: resolved.profile.id,
      dialect,
      checkIds,
      startIndex: 0,
      known: {},
      options: { ...runOptions, seed, callTimeoutMs, instantiateTimeoutMs },
    },
    (result, index) => {
      if (reportedIds.has(result.check)) options.onResult?.(result, index);
      options.onCheckDone?.(index);
    },
  );
  const limits = resolved.profile.limits;
  const flags = [
    ...(callTimeoutMs !== limits.callTimeoutMs ? [`--timeout ${callTimeoutMs}`] : []),
    ...(instantiateTimeoutMs !== limits.instantiateTimeoutMs ? [`--instantiate-timeout ${instantiateTimeoutMs}`] : []),
    ...(options.fuzzRuns !== undefined ? [`--runs ${options.fuzzRuns}`] : []),
    ...(options.fuzzTimeMs !== undefined ? [`--fuzz-time ${options.fuzzTimeMs}`] : []),
    ...(options.growthCalls !== undefined ? [`--growth-calls ${options.growthCalls}`] : []),
    ...(options.memoryCapPages !== undefined ? [`--memory-cap ${options.memoryCapPages}p`] : []),
    ...(options.fuelLimit !== undefined ? [`--fuel ${options.fuelLimit}`] : []),
  ];
  const reported = results.filter((r) => reportedIds.has(r.check)).map((r): ReportedResult => {
    const def = findCheck(r.check, resolved.profile.id);
    const replay = replayCommand(options.plugin, resolved.profile.id, r.check, seed, flags);
    return { ...r, title: def?.title ?? r.check, specRef: def?.specRef ?? '', replay };
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'plugcheck', version: PLUGCHECK_VERSION, node: process.version },
    plugin: reportPlugin,
    detection: resolved.candidates,
    options: { seed, callTimeoutMs, instantiateTimeoutMs, ...(options.shard === undefined ? {} : { shard: options.shard }) },
    summary: summarize(reported),
    results: reported,
    durationMs: Math.round(performance.now() - started),
  };
}
