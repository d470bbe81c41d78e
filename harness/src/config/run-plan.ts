/**
 * What one `plugcheck test` invocation will do, from the command line and the config: which
 * plugins, with which options, into which reporters. Command-line flags override the config; the
 * config overrides plugcheck's defaults.
 */
import { UsageError } from '../errors.js';
import type { ReporterChoice } from '../report/reporters/file-reporters.js';
import type { ReportShard } from '../report/run-report.js';
import type { ExpectedFailures, LoadedConfig } from './plugcheck-config.js';
import type { ExtismManifestLimits } from '../profiles/effective-limits.js';
import type { ExtraInputs } from '../profiles/extra-inputs.js';
import type { MemoryThresholds } from '../engine/check-context.js';
import { entryOf, findEntry, pathFromConfig } from './plugcheck-config.js';

/** The reports directory when neither `--out` nor the config names one. */
export const DEFAULT_OUT = 'reports';

/** One plugin to test and how. */
export interface PluginRun {
  /** As the command line (and the replay commands) name it: relative to the current directory. */
  readonly plugin: string;
  readonly profile: string | undefined;
  /** Dialect axes to force: the config's top-level `dialect`, then the plugin's own on top; detected when undefined. */
  readonly dialect?: Readonly<Record<string, string>> | undefined;
  /** The Extism manifest limits: the plugin's own, else the config's top-level ones. */
  readonly extismManifest?: ExtismManifestLimits | undefined;
  /** The plugin's own `config`: the document a Bifrost `init` receives (profiles/init-config.ts). */
  readonly pluginConfig?: unknown;
  readonly expectedFailures: ExpectedFailures;
}

/** The whole invocation. */
export interface RunPlan {
  readonly plugins: readonly PluginRun[];
  readonly only: readonly string[];
  readonly skip: readonly string[];
  readonly shard: ReportShard | undefined;
  readonly seed: number | undefined;
  readonly callTimeoutMs: number | undefined;
  readonly instantiateTimeoutMs: number | undefined;
  readonly fuzzRuns: number | undefined;
  readonly fuzzTimeMs: number | undefined;
  /** Memory cap in 64 KiB pages (`--memory-cap`, the config's `limits.memoryPages`); the profile's when undefined. */
  readonly memoryCapPages: number | undefined;
  /** Fuel per call (`--fuel`, the config's `limits.fuel`); the profile's when undefined. */
  readonly fuelLimit: number | undefined;
  /** The Bifrost hooks to exercise (the config's `hooks`); all when undefined. */
  readonly hooks: readonly string[] | undefined;
  /** The config's own inputs per Bifrost hook (profiles/extra-inputs.ts). */
  readonly inputs: ExtraInputs | undefined;
  /** The config's memory thresholds. */
  readonly thresholds: MemoryThresholds | undefined;
  /** Hosts an Extism data source may reach (the config's `networkAllowList`); see profiles/extism/network-allow-list.ts. */
  readonly networkAllowList: readonly string[] | undefined;
  readonly reporters: readonly ReporterChoice[];
  /** The directory replay bundles go to (and reporters without their own `out`). */
  readonly out: string;
}

/** The command line's part, already parsed; `undefined` means "not given". */
export interface CliChoices {
  readonly plugin: string | undefined;
  readonly profile: string | undefined;
  readonly only: readonly string[] | undefined;
  readonly skip: readonly string[] | undefined;
  readonly shard: ReportShard | undefined;
  readonly seed: number | undefined;
  readonly callTimeoutMs: number | undefined;
  readonly instantiateTimeoutMs: number | undefined;
  readonly fuzzRuns: number | undefined;
  readonly fuzzTimeMs: number | undefined;
  readonly memoryCapPages: number | undefined;
  /** Optional so callers written before `--fuel` existed still type-check. */
  readonly fuelLimit?: number | undefined;
  readonly reporters: readonly string[] | undefined;
  readonly out: string | undefined;
}

/** Checks reporter names against `known`; an unknown one is a usage error. */
export function checkReporterNames(names: readonly string[], known: readonly string[]): void {
  const unknown = names.filter((r) => !known.includes(r));
  if (unknown.length > 0) {
    throw new UsageError(`unknown reporter ${unknown.join(', ')}`, { expected: known.join(', '), received: unknown.join(', '), fix: `pass --reporter ${known.slice(0, 2).join(',')}` });
  }
}

// Only the thresholds the checks read travel to the worker.
function memoryThresholds(t: MemoryThresholds): MemoryThresholds {
  return {
    ...(t.maxLeakBytesPerCall === undefined ? {} : { maxLeakBytesPerCall: t.maxLeakBytesPerCall }),
    ...(t.maxPagesGrown === undefined ? {} : { maxPagesGrown: t.maxPagesGrown }),
  };
}

/** Combines the command line, the config and the defaults. `defaults` are the reporters used when neither names any. */
export function planRun(cli: CliChoices, loaded: LoadedConfig | undefined, defaults: readonly string[]): RunPlan {
  const config = loaded?.config ?? {};
  const out = cli.out ?? (loaded === undefined || config.out === undefined ? DEFAULT_OUT : pathFromConfig(loaded.file, config.out));
  const pluginRun = (plugin: string): PluginRun => {
    const entry = loaded === undefined ? undefined : findEntry(loaded, plugin);
    const dialect = config.dialect === undefined && entry?.dialect === undefined ? undefined : { ...config.dialect, ...entry?.dialect };
    const extismManifest = entry?.extismManifest ?? config.extismManifest;
    return {
      plugin,
      profile: cli.profile ?? entry?.profile ?? config.profile,
      ...(dialect === undefined ? {} : { dialect }),
      ...(extismManifest === undefined ? {} : { extismManifest }),
      ...(entry?.config === undefined ? {} : { pluginConfig: entry.config }),
      expectedFailures: entry?.expectedFailures ?? {},
    };
  };
  let plugins: PluginRun[];
  if (cli.plugin !== undefined) plugins = [pluginRun(cli.plugin)];
  else if (loaded !== undefined && config.plugins !== undefined) plugins = config.plugins.map((p) => pluginRun(pathFromConfig(loaded.file, entryOf(p).path)));
  else {
    throw new UsageError(loaded === undefined ? 'plugcheck test needs a plugin or a plugcheck.config.json' : `${loaded.file} lists no plugins`, {
      expected: 'plugcheck test <plugin.wasm>, or a config whose "plugins" lists them',
      received: loaded === undefined ? 'no plugin path and no ./plugcheck.config.json' : `${loaded.file} without "plugins"`,
      fix: loaded === undefined ? 'pass the plugin, or create plugcheck.config.json with {"plugins": ["path/to/plugin.wasm"]}' : 'add "plugins": ["path/to/plugin.wasm"] to the config',
    });
  }
  let reporters: ReporterChoice[];
  if (cli.reporters !== undefined) reporters = cli.reporters.map((name) => ({ name, out }));
  else if (loaded !== undefined && config.reporters !== undefined) {
    reporters = config.reporters.map((r) => (typeof r === 'string' ? { name: r, out } : { name: r.name, out: cli.out ?? (r.out === undefined ? out : pathFromConfig(loaded.file, r.out)) }));
  } else reporters = defaults.map((name) => ({ name, out }));
  return {
    plugins,
    only: cli.only ?? config.only ?? [],
    skip: cli.skip ?? config.skip ?? [],
    shard: cli.shard,
    seed: cli.seed ?? config.seed,
    callTimeoutMs: cli.callTimeoutMs ?? config.limits?.callTimeoutMs,
    instantiateTimeoutMs: cli.instantiateTimeoutMs ?? config.limits?.instantiateTimeoutMs,
    fuzzRuns: cli.fuzzRuns ?? config.runs,
    fuzzTimeMs: cli.fuzzTimeMs ?? config.fuzzTimeMs,
    memoryCapPages: cli.memoryCapPages ?? config.limits?.memoryPages,
    fuelLimit: cli.fuelLimit ?? config.limits?.fuel,
    hooks: config.hooks,
    inputs: config.inputs,
    thresholds: config.thresholds === undefined ? undefined : memoryThresholds(config.thresholds),
    networkAllowList: config.networkAllowList,
    reporters,
    out,
  };
}
