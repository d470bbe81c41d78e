/**
 * One instantiated plugin inside the reference host: its exports, a bounds-checked view of its
 * memory, its WASI sandbox and host-call trace, and `call`, which runs a guest export under the
 * heartbeat and turns a trap into data.
 */
import type { Profile } from '../profiles/profile.js';
import { WASI_PREVIEW1 } from '../profiles/wasi-preview1.js';
import type { ModuleInfo } from '../wasm/index.js';
import { classifyTrap, HostFunctionError } from './classify-trap.js';
import type { TrapInfo } from './classify-trap.js';
import { GuestMemory } from './guest-memory.js';
import type { GuestStep, Heartbeat } from './heartbeat.js';
import { HostCallTrace } from './host-call-trace.js';
import { buildImports } from './host-imports.js';
import type { HostFunctionTable } from './host-imports.js';
import { WasiSandbox } from './wasi-sandbox.js';
import type { WasiGrants } from './wasi-sandbox.js';

/** The outcome of one guest call. */
export type CallResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly trap: TrapInfo };

/** Options for instantiating a plugin. */
export interface InstantiateOptions {
  readonly profile: Profile;
  /** Where guest calls announce themselves to the watchdog; absent in single-threaded use. */
  readonly heartbeat?: Heartbeat | undefined;
  /** Seed of the sandbox's random stream. */
  readonly seed: number;
  /** Per-call time limit reported to the watchdog; the profile's when absent. */
  readonly callTimeoutMs?: number | undefined;
  /** Instantiation time limit reported to the watchdog; the profile's when absent. */
  readonly instantiateTimeoutMs?: number | undefined;
  /** What the WASI sandbox grants (preopened in-memory directories, environment); nothing when absent. */
  readonly wasi?: WasiGrants | undefined;
  /**
   * The profile's own host functions (beyond WASI), built per instance. They reach guest memory
   * through `host.memory()`, which is bound once instantiation returns.
   */
  readonly hostFunctions?: ((host: HostContext) => HostFunctionTable) | undefined;
}

/** What a profile's host functions see of the instance they serve. */
export interface HostContext {
  /** Bounds-checked guest memory; throws a HostFunctionError before instantiation finished or without a memory export. */
  memory(): GuestMemory;
  readonly trace: HostCallTrace;
  readonly sandbox: WasiSandbox;
}

type GuestFn = (...args: (number | bigint)[]) => unknown;

/** A live plugin instance. */
export class PluginInstance {
  readonly instance: WebAssembly.Instance;
  readonly memory: GuestMemory | undefined;
  readonly trace: HostCallTrace;
  readonly sandbox: WasiSandbox;
  readonly #heartbeat: Heartbeat | undefined;
  readonly #timeoutMs: number;
  // True inside roundTrip: invoke then records its step instead of opening a window of its own.
  #inRoundTrip = false;

  private constructor(instance: WebAssembly.Instance, sandbox: WasiSandbox, trace: HostCallTrace, options: InstantiateOptions) {
    this.instance = instance;
    this.sandbox = sandbox;
    this.trace = trace;
    const memory = instance.exports['memory'];
    this.memory = memory instanceof WebAssembly.Memory ? new GuestMemory(memory) : undefined;
    this.#heartbeat = options.heartbeat;
    this.#timeoutMs = options.callTimeoutMs ?? options.profile.limits.callTimeoutMs;
  }

  /**
   * Instantiates synchronously (so the watchdog sees a start function that never returns) and
   * runs `_initialize` for WASI reactors. A trap or link error is returned, not thrown.
   */
  static instantiate(module: WebAssembly.Module, info: ModuleInfo, options: InstantiateOptions): CallResult<PluginInstance> {
    const trace = new HostCallTrace();
    const sandbox = new WasiSandbox(options.seed, options.wasi);
    let memory: GuestMemory | undefined;
    const host: HostContext = {
      memory() {
        if (memory === undefined) throw new HostFunctionError('host', 'the plugin exports no memory the host can reach (or instantiation has not finished)');
        return memory;
      },
      trace,
      sandbox,
    };
    const implementations = { ...options.hostFunctions?.(host), [WASI_PREVIEW1]: sandbox.imports };
    const imports = buildImports(info.imports, options.profile.hostImports, implementations, trace);
    const heartbeat = options.heartbeat;
    heartbeat?.enter('instantiate', options.instantiateTimeoutMs ?? options.profile.limits.instantiateTimeoutMs, 'instantiate');
    try {
      const instance = new WebAssembly.Instance(module, imports);
      sandbox.bind(instance);
      const exported = instance.exports['memory'];
      if (exported instanceof WebAssembly.Memory) memory = new GuestMemory(exported);
      const init = instance.exports['_initialize'];
      if (typeof init === 'function') (init as GuestFn)();
      return { ok: true, value: new PluginInstance(instance, sandbox, trace, options) };
    } catch (thrown) {
      // V8 reports an import it cannot link (a missing memory or table) as a TypeError; no plugin code ran.
      const linkFailure = thrown instanceof TypeError && !(thrown instanceof HostFunctionError);
      return { ok: false, trap: linkFailure ? { kind: 'link-error', message: thrown.message } : classifyTrap(thrown) };
    } finally {
      heartbeat?.leave();
    }
  }

  /** True when the instance exports a function of that name. */
  hasFunction(name: string): boolean {
    return typeof this.instance.exports[name] === 'function';
  }

  /** An exported function, for callers that call it on a hot path. */
  fn(name: string): GuestFn | undefined {
    const f = this.instance.exports[name];
    return typeof f === 'function' ? (f as GuestFn) : undefined;
  }

  /**
   * Calls an export under the heartbeat. `label` names the call in a timeout report. A missing
   * export is reported as a trap of kind `other` rather than thrown.
   */
  call(name: string, args: readonly (number | bigint)[], label: string = name): CallResult<unknown> {
    const f = this.fn(name);
    if (f === undefined) return { ok: false, trap: { kind: 'other', message: `export \`${name}\` is not a function` } };
    return this.invoke(f, args, label);
  }

  /**
   * Calls a function obtained from {@link PluginInstance.fn} under the heartbeat; `step` says
   * whether it is the call itself or the allocator around it, for a timeout report. Inside
   * {@link PluginInstance.roundTrip} only the step is recorded: the round trip's window stands.
   */
  invoke(f: GuestFn, args: readonly (number | bigint)[], label: string, step: GuestStep = 'call'): CallResult<unknown> {
    const heartbeat = this.#heartbeat;
    const inRoundTrip = this.#inRoundTrip;
    if (inRoundTrip) heartbeat?.step(step);
    else heartbeat?.enter('call', this.#timeoutMs, label, step);
    try {
      return { ok: true, value: f(...args) };
    } catch (thrown) {
      return { ok: false, trap: classifyTrap(thrown) };
    } finally {
      if (!inRoundTrip) heartbeat?.leave();
    }
  }

  /**
   * Runs `body` — the guest calls of one round trip: allocate the inputs, call, free — under one
   * heartbeat window labelled `label`, so the time limit covers the round trip and the watchdog
   * still learns which step was running. One window instead of one per guest call: opening one
   * (a clock read, the label) cost a measurable share of a small hook call.
   */
  roundTrip<T>(label: string, body: () => T): T {
    const heartbeat = this.#heartbeat;
    if (heartbeat === undefined || this.#inRoundTrip) return body();
    heartbeat.enter('call', this.#timeoutMs, label);
    this.#inRoundTrip = true;
    try {
      return body();
    } finally {
      this.#inRoundTrip = false;
      heartbeat.leave();
    }
  }
}
