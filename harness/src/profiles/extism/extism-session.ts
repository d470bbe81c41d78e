/**
 * One Extism plugin instance on the real JS runtime, run the way plugcheck runs every plugin: in
 * its worker thread (`runInWorker: false`), with every `createPlugin` and `call` announced on the
 * heartbeat so the watchdog stops a start function or a call that never returns. A plugin that
 * fails to load or traps is data, never a thrown error.
 *
 * Extism reports three things about a call, independently (seed-systems §5.5): the export's return
 * code, an error the plugin set with `error_set`, and its output. The runtime throws on an error and
 * drops the return code, so the code comes from the rewritten module (see return-code-probe.ts) and
 * the error from the thrown "Plugin-originated error". When the plugin sets an error the runtime
 * returns no output at all, so `output` is null then.
 */
import type { CallContext, Plugin } from '@extism/extism';
import { classifyTrap } from '../../host/classify-trap.js';
import type { TrapInfo } from '../../host/classify-trap.js';
import type { Heartbeat } from '../../host/heartbeat.js';
import type { ModuleInfo } from '../../wasm/index.js';
import { PluginLoadError } from '../../errors.js';
import { extismRuntime } from './extism-runtime.js';
import { NO_RETURN_CODE, probeReturnCodes } from './return-code-probe.js';

/** A host function as the runtime calls it: the call context first, then the wasm arguments. */
export type ExtismHostFunction = (callContext: CallContext, ...args: (number | bigint)[]) => unknown;

/** Host functions by import module, then name. */
export type ExtismFunctions = Readonly<Record<string, Readonly<Record<string, ExtismHostFunction>>>>;

/** The plugin module prepared for the runtime, compiled once per worker. */
export interface PreparedModule {
  readonly module: WebAssembly.Module;
  /** Where return codes are read, or undefined when they cannot be recovered. */
  readonly returnCodes: { readonly global: string; readonly wrapped: readonly string[] } | undefined;
  /** Why return codes are unknown, when they are. */
  readonly note?: string;
}

/** A log line the plugin wrote through the kernel (or the runtime wrote about the plugin). */
export interface LogLine {
  readonly level: string;
  readonly message: string;
}

/** What a call produced; output is the strict UTF-8 text, or null when it is not valid UTF-8. */
export interface CallOutput {
  readonly bytes: number;
  readonly text: string | null;
}

/** The outcome of one call. `rc` is undefined only when the code could not be recovered. */
export type ExtismCall =
  | {
      readonly kind: 'returned';
      readonly export: string;
      readonly input: string;
      readonly rc: number | undefined;
      readonly error: string | null;
      readonly output: CallOutput | null;
      readonly memoryPages: number | undefined;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'trapped';
      readonly export: string;
      readonly input: string;
      readonly trap: TrapInfo;
      readonly memoryPages: number | undefined;
      readonly durationMs: number;
    };

/** Options of {@link ExtismSession.load}. */
export interface ExtismSessionOptions {
  readonly prepared: PreparedModule;
  readonly functions: ExtismFunctions;
  readonly heartbeat: Heartbeat | undefined;
  readonly callTimeoutMs: number;
  readonly instantiateTimeoutMs: number;
  /** The manifest config `config_get` reads. */
  readonly config?: Readonly<Record<string, string>>;
}

/** A loaded session, or why the plugin did not load. */
export type ExtismLoad =
  | { readonly ok: true; readonly session: ExtismSession }
  | { readonly ok: false; readonly trap: TrapInfo; readonly logs: readonly LogLine[] };

const PLUGIN_ERROR = 'Plugin-originated error: ';
const MAX_LOG_LINES = 200;
const elapsed = (since: number) => Math.round((performance.now() - since) * 1000) / 1000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Compiles the plugin with its return codes exposed; falls back to the module as it is. */
export function prepareModule(bytes: Uint8Array<ArrayBuffer>, info: ModuleInfo): PreparedModule {
  try {
    const probed = probeReturnCodes(bytes, info);
    return { module: new WebAssembly.Module(probed.bytes), returnCodes: { global: probed.global, wrapped: probed.wrapped } };
  } catch (thrown) {
    // Only a module plugcheck cannot read ends up here; the engine still gets to judge the original.
    if (!(thrown instanceof PluginLoadError) && !(thrown instanceof WebAssembly.CompileError)) throw thrown;
    return { module: new WebAssembly.Module(bytes), returnCodes: undefined, note: `return codes are unknown: ${thrown.message}` };
  }
}

function loadTrap(thrown: unknown): TrapInfo {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  // The runtime checks every import against what it was given before instantiating.
  if (/cannot resolve import|WASI is not enabled|host imports are not supported/.test(message)) return { kind: 'link-error', message };
  return classifyTrap(thrown);
}

/** A live plugin on the Extism runtime. */
export class ExtismSession {
  readonly logs: LogLine[];
  /** How long `createPlugin` took, start function and `_initialize` included. */
  readonly loadMs: number;
  readonly #plugin: Plugin;
  readonly #instance: WebAssembly.Instance;
  readonly #options: ExtismSessionOptions;

  private constructor(plugin: Plugin, instance: WebAssembly.Instance, logs: LogLine[], loadMs: number, options: ExtismSessionOptions) {
    this.#plugin = plugin;
    this.loadMs = loadMs;
    this.#instance = instance;
    this.logs = logs;
    this.#options = options;
  }

  /** Instantiates the plugin under the instantiation limit; a load failure is returned, not thrown. */
  static async load(options: ExtismSessionOptions): Promise<ExtismLoad> {
    const { createPlugin } = await extismRuntime();
    const logs: LogLine[] = [];
    // A plugin that logs in a loop must not exhaust the worker: keep the first lines only.
    const log = (level: string) => (...args: unknown[]) => void (logs.length < MAX_LOG_LINES && logs.push({ level, message: args.map(String).join(' ') }));
    const logger = { trace: log('trace'), debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), log: log('info') };
    // Instantiate synchronously, as PluginInstance does: the runtime awaits WebAssembly.instantiate,
    // and on a busy machine the event loop's delay before that resolves would be charged to the
    // plugin's start function. Checks run one at a time, so nothing else in this worker sees the
    // substitute before it is put back.
    const asyncInstantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = ((source: unknown, imports?: WebAssembly.Imports) =>
      source instanceof WebAssembly.Module
        ? Promise.resolve(new WebAssembly.Instance(source, imports))
        : (asyncInstantiate as (s: unknown, i?: WebAssembly.Imports) => Promise<unknown>)(source, imports)) as typeof WebAssembly.instantiate;
    options.heartbeat?.enter('instantiate', options.instantiateTimeoutMs, 'instantiate');
    const started = performance.now();
    try {
      const plugin = await createPlugin(
        { wasm: [{ module: options.prepared.module, name: 'main' }] },
        {
          useWasi: true,
          runInWorker: false,
          enableWasiOutput: false,
          logger: logger as unknown as Console,
          logLevel: 'trace',
          functions: options.functions as NonNullable<Parameters<typeof createPlugin>[1]>['functions'],
          config: { ...options.config },
        },
      );
      const loadMs = elapsed(started);
      return { ok: true, session: new ExtismSession(plugin, await plugin.getInstance(), logs, loadMs, options) };
    } catch (thrown) {
      return { ok: false, trap: loadTrap(thrown), logs };
    } finally {
      options.heartbeat?.leave();
      WebAssembly.instantiate = asyncInstantiate;
    }
  }

  /** The plugin's own linear memory in 64 KiB pages (the kernel's memory is the runtime's, not counted). */
  memoryPages(): number | undefined {
    const memory = this.#instance.exports['memory'];
    return memory instanceof WebAssembly.Memory ? memory.buffer.byteLength / 65536 : undefined;
  }

  /** An export of the plugin's instance, such as a global a rewrite of the module added (the fuel left, for the limits checks). */
  exported(name: string): WebAssembly.ExportValue | undefined {
    return this.#instance.exports[name];
  }

  #rcGlobal(): WebAssembly.Global | undefined {
    const name = this.#options.prepared.returnCodes?.global;
    const global = name === undefined ? undefined : this.#instance.exports[name];
    return global instanceof WebAssembly.Global ? global : undefined;
  }

  // An export that returns no i32 is not wrapped: Extism hosts read its code as 0.
  #returnCode(name: string, rcGlobal: WebAssembly.Global | undefined): number | undefined {
    const codes = this.#options.prepared.returnCodes;
    if (codes === undefined) return undefined;
    if (!codes.wrapped.includes(name)) return 0;
    const code = rcGlobal?.value as bigint | undefined;
    return code === undefined || code === NO_RETURN_CODE ? undefined : Number(BigInt.asIntN(32, code));
  }

  /**
   * Calls an export with `input` (text, or exact bytes that may not be UTF-8, for hostile input)
   * under the call limit; `label` names the call in a timeout report.
   */
  async call(name: string, sent: string | Uint8Array, label: string = name): Promise<ExtismCall> {
    // What the call records as its input: bytes are shown decoded, invalid sequences as U+FFFD.
    const input = typeof sent === 'string' ? sent : Buffer.from(sent).toString('utf8');
    const rcGlobal = this.#rcGlobal();
    if (rcGlobal !== undefined) rcGlobal.value = NO_RETURN_CODE;
    const heartbeat = this.#options.heartbeat;
    heartbeat?.enter('call', this.#options.callTimeoutMs, label);
    const started = performance.now();
    let output: CallOutput | null = null;
    let error: string | null = null;
    try {
      const result = await this.#plugin.call(name, sent);
      if (result !== null) {
        const bytes = result.bytes();
        let text: string | null;
        try {
          text = strictUtf8.decode(bytes);
        } catch {
          text = null;
        }
        output = { bytes: bytes.byteLength, text };
      }
    } catch (thrown) {
      const isPluginError = thrown instanceof Error && thrown.constructor === Error && thrown.message.startsWith(PLUGIN_ERROR);
      if (!isPluginError) {
        return { kind: 'trapped', export: name, input, trap: classifyTrap(thrown), memoryPages: this.memoryPages(), durationMs: elapsed(started) };
      }
      error = thrown.message.slice(PLUGIN_ERROR.length);
    } finally {
      heartbeat?.leave();
    }
    const rc = this.#returnCode(name, rcGlobal);
    return { kind: 'returned', export: name, input, rc, error, output, memoryPages: this.memoryPages(), durationMs: elapsed(started) };
  }

  /** Releases what the runtime holds (its WASI file descriptors). */
  async close(): Promise<void> {
    await this.#plugin.close();
  }
}
