/**
 * What a check sees while it runs inside the plugin worker: the plugin, its inspected module,
 * the profile and dialect, the run options, and instances of the plugin to call.
 */
import type { Heartbeat } from '../host/heartbeat.js';
import { PluginInstance } from '../host/plugin-instance.js';
import type { CallResult, InstantiateOptions } from '../host/plugin-instance.js';
import type { Dialect, PluginManifest, Profile } from '../profiles/profile.js';
import type { ReplayCall } from '../fuzz/replay-bundle.js';
import type { ModuleInfo } from '../wasm/index.js';
import type { ExtismManifestLimits } from '../profiles/effective-limits.js';
import { restrictHooks } from '../profiles/restrict-hooks.js';
import { withExtraInputs } from '../profiles/extra-inputs.js';
import { withInitConfig } from '../profiles/init-config.js';
import type { ExtraInputs } from '../profiles/extra-inputs.js';

/** The config's memory `thresholds`: limits that replace plugcheck's own in the memory checks. */
export interface MemoryThresholds {
  /** Heap bytes a hook call may leave behind on the long-lived instance (`memory.leak-per-call`; plugcheck's own limit: under 16). */
  readonly maxLeakBytesPerCall?: number;
  /** Pages memory may grow by over the growth run, whatever the heap needed (`memory.growth-bounded`). */
  readonly maxPagesGrown?: number;
}

/** Options that shape a run; they travel to the worker unchanged. */
export interface RunOptions {
  /** Seed of the sandbox's randomness (and, later, of fuzzing). */
  readonly seed: number;
  /** Per-call time limit; the profile's default when absent. */
  readonly callTimeoutMs?: number | undefined;
  /** Time limit for instantiation (start function, `_initialize`); the profile's default when absent. */
  readonly instantiateTimeoutMs?: number | undefined;
  /** Cases per fuzz check (`--runs`); fuzz/fuzz-settings.ts's default when absent. */
  readonly fuzzRuns?: number | undefined;
  /** Wall-time budget per fuzz check, ms (`--fuzz-time`); fuzz/fuzz-settings.ts's default when absent. */
  readonly fuzzTimeMs?: number | undefined;
  /** A replay bundle's call: the check the bundle names sends exactly this instead of generating cases. */
  readonly replay?: ReplayCall | undefined;
  /** Hook calls of the memory growth run (`--growth-calls`); memory/growth-run.ts's default when absent. */
  readonly growthCalls?: number | undefined;
  /** Memory cap in 64 KiB pages (`--memory-cap`), overriding the profile's (profiles/effective-limits.ts). */
  readonly memoryCapPages?: number | undefined;
  /** The time limit `limits.time` judges each call against, ms; the real host's (or the Extism manifest's) when absent. */
  readonly timeLimitMs?: number | undefined;
  /** Fuel per call `limits.fuel` meters against (`--fuel`, the config's `limits.fuel`), overriding the profile's (profiles/effective-limits.ts). */
  readonly fuelLimit?: number | undefined;
  /** The hooks to exercise (the config's `hooks`); every hook of the profile when absent (profiles/restrict-hooks.ts). */
  readonly hooks?: readonly string[] | undefined;
  /** The config's own inputs per Bifrost hook, sent beside the seed examples (profiles/extra-inputs.ts). */
  readonly inputs?: ExtraInputs | undefined;
  /** The plugin's `config` from plugcheck.config.json: what a Bifrost `init` receives (profiles/init-config.ts). */
  readonly pluginConfig?: unknown;
  /** The config's memory thresholds. */
  readonly thresholds?: MemoryThresholds | undefined;
  /** Hosts a plugin may reach over the network (`capability.network`); the mock host's fixture hosts when absent. */
  readonly networkAllowList?: readonly string[] | undefined;
  /** The limits of the Extism manifest the plugin would run under (`memory.max_pages`, `timeout_ms`, `allowed_hosts`). */
  readonly extismManifest?: ExtismManifestLimits | undefined;
  /**
   * Internal (host/worker-runner.ts): fast-check's path to a fuzz case that never returned. The
   * check regenerates that case and notes it without sending it, then sends its shrink candidates,
   * each noted first: how a hanging case gets its bundle and is shrunk.
   */
  readonly hangPath?: string | undefined;
}

/** The result of compiling the module, memoised per worker. */
export type Compiled = { readonly ok: true; readonly module: WebAssembly.Module } | { readonly ok: false; readonly error: string };

/** The context handed to every check's `run`. */
export class CheckContext {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly module: ModuleInfo;
  /** The plugin's manifest, for profiles that have one (FrankenTerm). */
  readonly manifest: PluginManifest | undefined;
  readonly profile: Profile;
  readonly dialect: Dialect;
  readonly options: RunOptions;
  readonly heartbeat: Heartbeat | undefined;
  readonly #notePending: ((evidence: Readonly<Record<string, unknown>>) => void) | undefined;
  #compiled: Compiled | undefined;
  readonly #shared = new Map<string, unknown>();

  constructor(init: {
    bytes: Uint8Array<ArrayBuffer>;
    module: ModuleInfo;
    manifest?: PluginManifest | undefined;
    profile: Profile;
    dialect: Dialect;
    options: RunOptions;
    heartbeat?: Heartbeat | undefined;
    /** Sends evidence about the coming call to the watchdog (worker-entry.ts); absent outside a worker. */
    notePending?: ((evidence: Readonly<Record<string, unknown>>) => void) | undefined;
  }) {
    this.bytes = init.bytes;
    this.module = init.module;
    this.manifest = init.manifest;
    // Narrowed (and given the config's inputs and init config) here, so every check that walks
    // profile.hooks exercises only the hooks asked for, with every input and config asked for.
    this.profile = withInitConfig(withExtraInputs(restrictHooks(init.profile, init.options.hooks), init.options.inputs), init.options.pluginConfig);
    this.dialect = init.dialect;
    this.options = init.options;
    this.heartbeat = init.heartbeat;
    this.#notePending = init.notePending;
  }

  /**
   * Records what the check is about to call (a fuzz case, its replay bundle), so that if the call
   * never returns the watchdog's `timed-out` result carries it. Posted to the main thread, so call it
   * once per case, not per guest call.
   */
  notePending(evidence: Readonly<Record<string, unknown>>): void {
    // Evidence posted now stands for the coming call, not a case number noted before it.
    this.heartbeat?.notePendingRun(undefined);
    this.#notePending?.(evidence);
  }

  /**
   * Records, for the same purpose, that a fuzz check is about to send its generated case number
   * `run`: one shared-memory store instead of a posted message, for the hot loop of a fuzz search.
   * If the call never returns, the watchdog has the check regenerate that case (`hangPath`).
   */
  notePendingRun(run: number): void {
    this.heartbeat?.notePendingRun(run);
  }

  /** The compiled module, or the engine's reason it does not compile. */
  compiled(): Compiled {
    if (this.#compiled === undefined) {
      try {
        this.#compiled = { ok: true, module: new WebAssembly.Module(this.bytes) };
      } catch (thrown) {
        this.#compiled = { ok: false, error: thrown instanceof Error ? thrown.message : String(thrown) };
      }
    }
    return this.#compiled;
  }

  /**
   * A new instance of the plugin in a fresh sandbox; `grants` adds what the profile's host gives
   * the plugin (preopened directories, environment, host functions). Nothing when absent.
   * `rewritten` opts into a rewrite of the plugin (memory cap, metering: harness/src/wasm/) with the
   * same imports; the plain compiled module otherwise, so other checks see the original.
   */
  freshInstance(grants: Pick<InstantiateOptions, 'wasi' | 'hostFunctions'> = {}, rewritten?: WebAssembly.Module): CallResult<PluginInstance> {
    const compiled: Compiled = rewritten === undefined ? this.compiled() : { ok: true, module: rewritten };
    if (!compiled.ok) return { ok: false, trap: { kind: 'other', message: `module does not compile: ${compiled.error}` } };
    return PluginInstance.instantiate(compiled.module, this.module, {
      ...grants,
      profile: this.profile,
      heartbeat: this.heartbeat,
      seed: this.options.seed,
      callTimeoutMs: this.options.callTimeoutMs,
      instantiateTimeoutMs: this.options.instantiateTimeoutMs,
    });
  }

  /**
   * A value shared by the checks of one worker, created on first use: the long-lived instance a
   * `reused`-lifecycle host keeps, for example.
   */
  shared<T>(key: string, create: () => T): T {
    if (!this.#shared.has(key)) this.#shared.set(key, create());
    return this.#shared.get(key) as T;
  }
}
