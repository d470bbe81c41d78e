/**
 * The plugin families whose real hosts set limits, each with the calls its host makes (its runner),
 * the profiles it covers, the checks a limits check waits for, and the seed sections its figures
 * come from. The three limits checks (memory, fuel, time) are defined once per family from this.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { ProfileId } from '../../profiles/profile.js';
import type { LimitCall } from './limit-call.js';
import { limitModule } from './limit-module.js';
import type { LimitModule, LimitRewrite } from './limit-module.js';
import { extismExportNames, extismLimitBytes, extismLimitRuns } from './extism-limit-runs.js';
import { frankentermLimitRuns } from './frankenterm-limit-runs.js';
import { midimonLimitRuns } from './midimon-limit-runs.js';

/** The calls made on a rewrite of the plugin, with the rewrite, or why it could not be rewritten. */
export type LimitRuns =
  | { readonly ok: true; readonly module: Extract<LimitModule, { ok: true }>; readonly calls: readonly LimitCall[] }
  | Extract<LimitModule, { ok: false }>;

/** One family's limits. */
export interface LimitFamily {
  readonly appliesTo: readonly ProfileId[];
  /** Checks whose failure makes a limit unmeasurable (a run that never ends is reported there once). */
  readonly memoryAndFuelDependOn?: readonly string[];
  /** Checks `limits.time` waits for: only loading, since a call that overruns is what it reports. */
  readonly timeDependsOn?: readonly string[];
  /** False where the host makes no call plugcheck can time (loading is the watchdog's and lifecycle.instantiate's). */
  readonly timesCalls?: false;
  readonly specRef: { readonly memory: string; readonly fuel: string; readonly time: string };
  /** Whether every call gets a fresh instance (its fuel and memory counted from instantiation) or shares one. */
  readonly instances: 'fresh per call' | 'one per plugin';
  /** Rewrites the plugin as asked and makes the host's calls on it. */
  runs(ctx: CheckContext, rewrite: LimitRewrite): Promise<LimitRuns>;
}

async function onFreshInstances(ctx: CheckContext, rewrite: LimitRewrite, run: (ctx: CheckContext, module: WebAssembly.Module, fuelGlobal?: string) => LimitCall[]): Promise<LimitRuns> {
  const module = await limitModule(ctx.bytes, ctx.module, rewrite);
  if (!module.ok) return module;
  return { ok: true, module, calls: run(ctx, new WebAssembly.Module(module.bytes), module.metered?.fuelGlobal) };
}

/** midimon (seed 002; seed-systems §3.4–3.5). */
export const MIDIMON_LIMITS: LimitFamily = {
  appliesTo: ['midimon'],
  memoryAndFuelDependOn: ['lifecycle.instantiate'],
  timeDependsOn: ['lifecycle.instantiate'],
  specRef: {
    memory: 'seed 002 §Security ("Max 128 MB memory"); seed-systems §3.4 (ResourceLimiter: memory.grow past the limit gives -1, initial memory over it fails instantiation), §3.5 (a new Store per call)',
    fuel: 'seed 002 §Security ("Max 100M instructions per call"); seed-systems §3.4 (store.set_fuel(100_000_000) on each new Store; exhaustion traps)',
    time: 'seed 002 §Security ("Max 5 seconds execution"); seed-systems §3.4 (max_execution_time 5 s: tokio::time::timeout around execute)',
  },
  instances: 'fresh per call',
  runs: (ctx, rewrite) => onFreshInstances(ctx, rewrite, midimonLimitRuns),
};

/** FrankenTerm (seed 003; seed-systems §4.3). */
export const FRANKENTERM_LIMITS: LimitFamily = {
  appliesTo: ['frankenterm'],
  memoryAndFuelDependOn: ['lifecycle.entry-points-run'],
  timeDependsOn: ['lifecycle.instantiate'],
  specRef: {
    memory: 'seed 003 §Capabilities (64 MiB memory limit); seed-systems §4.3 (StoreLimitsBuilder memory_size(64 MiB) on each new Store: grow past it fails)',
    fuel: 'seed-systems §4.3 (WasmEngineConfig fuel_per_call 1_000_000_000; consume_fuel and store.set_fuel on each new Store; exhaustion traps)',
    time: 'seed 003 §Capabilities (10 s execution timeout); seed-systems §4.3 (max_execution_time 10 s)',
  },
  instances: 'fresh per call',
  runs: (ctx, rewrite) => onFreshInstances(ctx, rewrite, frankentermLimitRuns),
};

/**
 * Any Extism plugin (seed-systems §5.5; extism-js-sdk.md): only its loading is measured, since its
 * exports need inputs plugcheck does not have; so there is no call to time.
 */
export const EXTISM_LIMITS: LimitFamily = {
  appliesTo: ['extism'],
  memoryAndFuelDependOn: ['lifecycle.instantiate'],
  timesCalls: false,
  specRef: {
    memory: 'seed-systems §5.5 (manifest memory.max_pages becomes wazero WithMemoryLimitPages); extism-js-sdk.md (the JS SDK\'s maxPages does not cap plugin memory); plugcheck\'s 4096 pages where the manifest is silent',
    fuel: 'seed-systems §5.5 (Extism limits); Extism meters only when the host asks (Rust SDK with_fuel_limit, per call): plugcheck\'s 1e9 per call',
    time: 'seed-systems §5.5 (manifest timeout_ms becomes a context deadline that closes the module); extism-js-sdk.md (timeoutMs); plugcheck\'s 5 s where the manifest is silent',
  },
  instances: 'one per plugin',
  async runs(ctx, rewrite) {
    const { bytes, returnCodes } = extismLimitBytes(ctx);
    const module = await limitModule(bytes, ctx.module, rewrite, extismExportNames(ctx, returnCodes));
    if (!module.ok) return module;
    const fuel = module.metered === undefined ? undefined : { global: module.metered.fuelGlobal, budget: module.metered.fuel };
    return { ok: true, module, calls: await extismLimitRuns(ctx, module.bytes, returnCodes, fuel) };
  },
};

/** Extism data sources: the terminal's flow, once its metadata call has worked (the flow needs what it declares). */
export const DATASOURCE_LIMITS: LimitFamily = {
  ...EXTISM_LIMITS,
  appliesTo: ['extism-datasource'],
  memoryAndFuelDependOn: ['lifecycle.instantiate', 'lifecycle.metadata'],
  timeDependsOn: ['lifecycle.instantiate'],
  timesCalls: undefined,
};

/** Every family, in registry order. */
export const LIMIT_FAMILIES: readonly LimitFamily[] = [MIDIMON_LIMITS, FRANKENTERM_LIMITS, EXTISM_LIMITS, DATASOURCE_LIMITS];
