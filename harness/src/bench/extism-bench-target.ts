/**
 * An Extism plugin (profile `extism`) prepared for benchmarking on the real @extism/extism runtime.
 * Its kernel copies input and output, so there is no phase split to time; what is measured is the
 * whole call through plugcheck (ExtismSession: return-code probe, heartbeat, strict UTF-8) beside a
 * plain SDK call — `createPlugin` + `plugin.call`, the same host functions, nothing else — which is
 * this profile's floor (goal ≤ 1.1×). Instructions are counted on a metered copy of the plugin's
 * own module loaded by the SDK (the kernel is the runtime's and is not counted).
 */
import type { Plugin } from '@extism/extism';
import { PlugcheckError, UsageError } from '../errors.js';
import type { LoadedPlugin } from '../engine/load-plugin.js';
import { Heartbeat } from '../host/heartbeat.js';
import { HostCallTrace } from '../host/host-call-trace.js';
import { callableExports, isCallableShape } from '../profiles/extism/entry-exports.js';
import { extismRuntime } from '../profiles/extism/extism-runtime.js';
import { ExtismSession, prepareModule } from '../profiles/extism/extism-session.js';
import type { ExtismFunctions } from '../profiles/extism/extism-session.js';
import { EXTISM_USER } from '../profiles/extism/kernel-imports.js';
import { stubFunctions } from '../profiles/extism/stub-functions.js';
import type { Dialect, Profile } from '../profiles/profile.js';
import { fuelUsed, meterInstructions, refuel } from '../wasm/meter-instructions.js';
import type { BenchPlugin } from './bench-report.js';
import type { BenchTarget, PreparedHook } from './bench-target.js';
import { NO_GUEST_INSTRUCTIONS } from './bench-target.js';
import { preHookInput } from './payload.js';

const WARM_CALLS = 3;

function failed(plugin: string, detail: string): PlugcheckError {
  return new PlugcheckError('PLUGCHECK_BENCH_FAILED', `${plugin}: ${detail}`, {
    expected: 'an Extism export that answers a JSON input',
    received: detail,
    fix: `run \`plugcheck test ${plugin}\` first, and bench an export that takes JSON (--hook)`,
  });
}

// The output is parsed when it is JSON (as a host reading JSON would); a text answer is kept as text.
const parseIfJson = (text: string, json: boolean): unknown => (json ? (JSON.parse(text) as unknown) : text);

/** An Extism plugin ready to bench. */
export class ExtismBenchTarget implements BenchTarget {
  readonly plugin: BenchPlugin;
  readonly hooks: readonly string[];
  readonly defaultHooks: readonly string[];
  readonly #loaded: LoadedPlugin;
  readonly #profile: Profile;
  readonly #functions: ExtismFunctions;
  readonly #closers: (() => Promise<void>)[] = [];

  private constructor(loaded: LoadedPlugin, profile: Profile, dialect: Dialect) {
    this.#loaded = loaded;
    this.#profile = profile;
    this.plugin = { path: loaded.path, sha256: loaded.sha256, bytes: loaded.bytes.byteLength, profile: profile.id, dialect };
    this.hooks = callableExports(loaded.module).filter((e) => isCallableShape(e.signature)).map((e) => e.name);
    this.defaultHooks = this.hooks.slice(0, 1);
    // Application functions are stubbed for both paths alike (they answer zero), so both link.
    this.#functions = stubFunctions(loaded.module, (e) => e.module === EXTISM_USER, new HostCallTrace(0));
  }

  /** Loads the plugin's runtime. */
  static async create(loaded: LoadedPlugin, profile: Profile, dialect: Dialect): Promise<ExtismBenchTarget> {
    await extismRuntime();
    return new ExtismBenchTarget(loaded, profile, dialect);
  }

  async #sdkPlugin(module: WebAssembly.Module): Promise<Plugin> {
    const { createPlugin } = await extismRuntime();
    const plugin = await createPlugin(
      { wasm: [{ module, name: 'main' }] },
      {
        useWasi: this.plugin.dialect['wasi'] === 'preview1',
        runInWorker: false,
        enableWasiOutput: false,
        logLevel: 'silent',
        functions: this.#functions as NonNullable<Parameters<typeof createPlugin>[1]>['functions'],
      },
    );
    this.#closers.push(() => plugin.close());
    return plugin;
  }

  async prepare(hook: string, bytes: number): Promise<PreparedHook> {
    if (!this.hooks.includes(hook)) {
      throw new UsageError(`${this.plugin.path} has no callable export ${hook}`, { expected: `one of: ${this.hooks.join(', ')}`, received: hook, fix: `pass --hook ${this.hooks[0] ?? '<export>'}` });
    }
    const input = preHookInput(bytes);
    const inputText = JSON.stringify(input);
    const limits = this.#profile.limits;
    const load = await ExtismSession.load({
      prepared: prepareModule(this.#loaded.bytes, this.#loaded.module),
      functions: this.#functions,
      heartbeat: new Heartbeat(),
      callTimeoutMs: limits.callTimeoutMs,
      instantiateTimeoutMs: limits.instantiateTimeoutMs,
    });
    if (!load.ok) throw failed(this.plugin.path, `cannot load: ${load.trap.message}`);
    const session = load.session;
    this.#closers.push(() => session.close());
    const first = await session.call(hook, inputText);
    if (first.kind !== 'returned' || first.output === null || first.output.text === null || first.error !== null || (first.rc !== undefined && first.rc !== 0)) {
      throw failed(this.plugin.path, `${hook} did not answer the ${bytes} B input (${first.kind === 'trapped' ? first.trap.message : `rc ${String(first.rc)}, error ${String(first.error)}`})`);
    }
    const outputText = first.output.text;
    let json = true;
    try {
      JSON.parse(outputText);
    } catch {
      json = false;
    }
    const sdk = await this.#sdkPlugin(new WebAssembly.Module(this.#loaded.bytes));
    const plain = await sdk.call(hook, inputText);
    if (plain?.text() !== outputText) throw failed(this.plugin.path, 'the plain SDK call and plugcheck disagree on the output');
    return {
      hook,
      requestedBytes: bytes,
      inputBytes: Buffer.byteLength(inputText),
      outputBytes: Buffer.byteLength(outputText),
      call: {
        fn: async () => {
          const call = await session.call(hook, JSON.stringify(input));
          if (call.kind !== 'returned' || call.output?.text == null) throw failed(this.plugin.path, `${hook} failed during the benchmark`);
          return parseIfJson(call.output.text, json);
        },
      },
      floor: {
        fn: async () => {
          const out = await sdk.call(hook, JSON.stringify(input));
          if (out === null) throw failed(this.plugin.path, `${hook} answered nothing through the plain SDK`);
          return parseIfJson(out.text(), json);
        },
      },
      floorIsSdk: true,
      async: true,
      instructions: await this.#count(hook, inputText),
    };
  }

  /** Guest instructions of one call on a metered copy, after {@link WARM_CALLS} identical calls. */
  async #count(hook: string, inputText: string): Promise<PreparedHook['instructions']> {
    const metered = await meterInstructions(this.#loaded.bytes, this.#loaded.module.exports.map((e) => e.name));
    if (!metered.ok) throw failed(this.plugin.path, `cannot count instructions: ${metered.message}`);
    const plugin = await this.#sdkPlugin(new WebAssembly.Module(metered.bytes));
    const instance = await plugin.getInstance();
    for (let i = 0; i < WARM_CALLS; i++) await plugin.call(hook, inputText);
    refuel(instance, metered);
    await plugin.call(hook, inputText);
    const used = fuelUsed(instance, metered);
    if (used.exhausted) throw failed(this.plugin.path, 'the metered call ran out of fuel');
    const total = Number(used.used);
    return { phases: { ...NO_GUEST_INSTRUCTIONS, execute: total }, total };
  }

  async close(): Promise<void> {
    for (const close of this.#closers.splice(0)) await close();
  }
}
