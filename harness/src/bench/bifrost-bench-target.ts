/**
 * A Bifrost plugin (bifrost-v1, bifrost-v2) prepared for benchmarking. Three instances of it:
 * - the measured one, behind plugcheck's host (PluginInstance with heartbeat, bounds-checked
 *   memory, strict UTF-8): the whole call goes through BifrostCaller, exactly as checks call it,
 *   and each phase is timed on its own with the same host primitives (invoke, writeString,
 *   readString), its setup and cleanup outside the timed window;
 * - the floor's, called raw (raw-floor.ts);
 * - a metered copy (harness/src/wasm/meter-instructions.ts), never timed, that counts the guest
 *   instructions of each phase of one steady-state call: after WARM_CALLS identical calls on a
 *   fresh instance, so the count is the same on every run and machine.
 * Every instance is initialised with the profile's `init` config when the plugin exports `init`.
 */
import { PlugcheckError } from '../errors.js';
import type { LoadedPlugin } from '../engine/load-plugin.js';
import { Heartbeat } from '../host/heartbeat.js';
import { PluginInstance } from '../host/plugin-instance.js';
import { allocatorExportNames } from '../profiles/bifrost/bifrost-abi.js';
import { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import { unpackU64 } from '../profiles/bifrost/packed.js';
import type { BifrostProfile, Dialect } from '../profiles/profile.js';
import { fuelUsed, meterInstructions, refuel } from '../wasm/meter-instructions.js';
import type { MeteredModule } from '../wasm/meter-instructions.js';
import type { BenchPhase, BenchPlugin } from './bench-report.js';
import type { BenchTarget, PreparedHook, TimedTask } from './bench-target.js';
import { hookPayload, payloadBytes } from './hook-payload.js';
import { rawHookCall } from './raw-floor.js';

type GuestFn = (...args: (number | bigint)[]) => unknown;
type Metered = Extract<MeteredModule, { ok: true }>;

/** Identical calls made on a fresh metered instance before the counted one (the allocator settles). */
const WARM_CALLS = 3;

function failed(what: string, plugin: string, detail: string): PlugcheckError {
  return new PlugcheckError('PLUGCHECK_BENCH_FAILED', `${plugin}: ${what}: ${detail}`, {
    expected: 'a plugin that answers the benchmark input without trapping',
    received: detail,
    fix: `run \`plugcheck test ${plugin}\` first: bench measures plugins that pass their checks`,
  });
}

/** The plugin's allocator exports, named as BifrostCaller names them (bifrost-abi.ts). */
function allocatorExports(instance: PluginInstance, dialect: Dialect): { malloc: GuestFn; free: GuestFn; mallocName: string; freeName: string; freeTakesSize: boolean } | undefined {
  const { malloc: mallocName, free: freeName } = allocatorExportNames(dialect['allocator'], (name) => instance.hasFunction(name));
  const malloc = instance.fn(mallocName);
  const free = freeName === undefined ? undefined : instance.fn(freeName);
  if (malloc === undefined || free === undefined || freeName === undefined) return undefined;
  return { malloc, free, mallocName, freeName, freeTakesSize: dialect['free'] === 'free(ptr,size)' };
}

/** A Bifrost plugin ready to bench. */
export class BifrostBenchTarget implements BenchTarget {
  readonly plugin: BenchPlugin;
  readonly hooks: readonly string[];
  readonly defaultHooks: readonly string[];
  readonly #loaded: LoadedPlugin;
  readonly #profile: BifrostProfile;
  readonly #module: WebAssembly.Module;
  readonly #metered: Metered;
  readonly #meteredModule: WebAssembly.Module;

  private constructor(loaded: LoadedPlugin, profile: BifrostProfile, dialect: Dialect, metered: Metered) {
    this.#loaded = loaded;
    this.#profile = profile;
    this.#module = new WebAssembly.Module(loaded.bytes);
    this.#metered = metered;
    this.#meteredModule = new WebAssembly.Module(metered.bytes);
    this.plugin = { path: loaded.path, sha256: loaded.sha256, bytes: loaded.bytes.byteLength, profile: profile.id, dialect };
    const exported = new Set(loaded.module.exports.map((e) => e.name));
    this.hooks = profile.hooks.filter((h) => [h.name, ...(h.aliases ?? [])].some((n) => exported.has(n))).map((h) => h.name);
    this.defaultHooks = this.hooks.includes('pre_hook') ? ['pre_hook'] : this.hooks.slice(0, 1);
  }

  /** Loads and meters the plugin. */
  static async create(loaded: LoadedPlugin, profile: BifrostProfile, dialect: Dialect): Promise<BifrostBenchTarget> {
    const metered = await meterInstructions(loaded.bytes, loaded.module.exports.map((e) => e.name));
    if (!metered.ok) throw failed('cannot count instructions', loaded.path, metered.message);
    return new BifrostBenchTarget(loaded, profile, dialect, metered);
  }

  #instance(module: WebAssembly.Module): { instance: PluginInstance; caller: BifrostCaller } {
    const created = PluginInstance.instantiate(module, this.#loaded.module, { profile: this.#profile, heartbeat: new Heartbeat(), seed: 1 });
    if (!created.ok) throw failed('cannot instantiate', this.#loaded.path, created.trap.message);
    const caller = new BifrostCaller(created.value, this.plugin.dialect);
    if (created.value.hasFunction('init')) {
      const init = caller.init(JSON.stringify(this.#profile.initConfig));
      if (init.kind !== 'status' || init.code !== 0) throw failed('init failed', this.#loaded.path, init.kind === 'status' ? `status ${init.code}` : init.kind);
    }
    return { instance: created.value, caller };
  }

  async prepare(hook: string, bytes: number): Promise<PreparedHook> {
    const spec = this.#profile.hooks.find((h) => h.name === hook);
    const exportName = [hook, ...(spec?.aliases ?? [])].find((n) => this.#loaded.module.exports.some((e) => e.name === n));
    if (spec === undefined || exportName === undefined) {
      throw new PlugcheckError('PLUGCHECK_USAGE', `${this.plugin.path} does not export hook ${hook}`, {
        expected: `one of: ${this.hooks.join(', ')}`,
        received: hook,
        fix: `pass --hook ${this.hooks[0] ?? '<hook>'}`,
      });
    }
    const inputs = hookPayload(this.#profile, hook, bytes);
    const texts = inputs.map((v) => JSON.stringify(v));
    const label = `${hook} bench`;
    const { instance, caller } = this.#instance(this.#module);
    const answer = caller.callHook(exportName, texts, label);
    if (answer.kind !== 'output') throw failed(`${hook} did not answer the ${bytes} B input`, this.plugin.path, answer.kind === 'no-data' ? 'no data' : `${answer.kind} at ${answer.step}`);
    const outputText = answer.text;
    const floorOwner = this.#instance(this.#module);
    const alloc = allocatorExports(instance, this.plugin.dialect);
    if (alloc === undefined) throw failed('no allocator', this.plugin.path, 'malloc/free exports missing');
    const floor = rawHookCall(floorOwner.instance.instance, exportName, { allocator: alloc.mallocName, free: alloc.freeName });
    if (JSON.stringify(floor(inputs)) !== JSON.stringify(JSON.parse(outputText))) throw failed('the raw floor and plugcheck disagree', this.plugin.path, 'different outputs for the same input');
    return {
      hook,
      requestedBytes: bytes,
      inputBytes: payloadBytes(inputs),
      outputBytes: Buffer.byteLength(outputText),
      phases: this.#phases(instance, exportName, inputs, texts, outputText, label),
      call: {
        fn: () => {
          const call = caller.callHook(exportName, inputs.map((v) => JSON.stringify(v)), label);
          if (call.kind !== 'output') throw failed(`${hook} failed during the benchmark`, this.plugin.path, call.kind);
          return JSON.parse(call.text) as unknown;
        },
      },
      floor: { fn: () => floor(inputs) },
      floorIsSdk: false,
      async: false,
      instructions: this.#count(exportName, texts, outputText, label),
    };
  }

  /** The five phases as separate tasks on `instance`; each leaves the plugin's memory as it found it. */
  #phases(instance: PluginInstance, exportName: string, inputs: readonly unknown[], texts: readonly string[], outputText: string, label: string): Record<BenchPhase, TimedTask> {
    const alloc = allocatorExports(instance, this.plugin.dialect);
    const hookFn = instance.fn(exportName);
    const memory = instance.memory;
    if (alloc === undefined || hookFn === undefined || memory === undefined) throw failed('missing exports', this.plugin.path, 'malloc, free, memory or the hook');
    const lens = texts.map((t) => Buffer.byteLength(t));
    const args: number[] = [];
    let out = { ptr: 0, len: 0 };
    const ok = <T>(r: { ok: true; value: T } | { ok: false; trap: { message: string } }, step: string): T => {
      if (!r.ok) throw failed(`${step} trapped during the benchmark`, this.plugin.path, r.trap.message);
      return r.value;
    };
    const free = (ptr: number, len: number) => ok(instance.invoke(alloc.free, alloc.freeTakesSize ? [ptr, len] : [ptr], `${label} free`), 'free');
    const copyIn = () => {
      args.length = 0;
      for (let i = 0; i < texts.length; i++) {
        const len = lens[i] as number;
        const ptr = (ok(instance.invoke(alloc.malloc, [len], `${label} malloc`), 'malloc') as number) >>> 0;
        if (memory.writeString(ptr, texts[i] as string, len) < 0) throw failed('malloc returned a block outside memory', this.plugin.path, `ptr ${ptr}`);
        args.push(ptr, len);
      }
    };
    const execute = () => {
      out = unpackU64(ok(instance.invoke(hookFn, args, label), 'the hook') as bigint);
    };
    const freeInputs = () => {
      for (let i = 0; i < args.length; i += 2) free(args[i] as number, args[i + 1] as number);
    };
    const copyOut = () => {
      const read = memory.readString(out.ptr, out.len);
      if (!read.ok) throw failed('the output cannot be read', this.plugin.path, read.fault.kind);
      freeInputs();
      free(out.ptr, out.len);
      return read.value;
    };
    return {
      stringify: { fn: () => inputs.map((v) => JSON.stringify(v)) },
      'copy-in': { fn: copyIn, afterEach: freeInputs },
      execute: { beforeEach: copyIn, fn: execute, afterEach: () => void copyOut() },
      'copy-out': { beforeEach: () => (copyIn(), execute()), fn: copyOut },
      parse: { fn: () => JSON.parse(outputText) as unknown },
    };
  }

  /** Guest instructions of each phase of one call on a fresh metered instance, after {@link WARM_CALLS} identical calls. */
  #count(exportName: string, texts: readonly string[], outputText: string, label: string): PreparedHook['instructions'] {
    const { instance, caller } = this.#instance(this.#meteredModule);
    for (let i = 0; i < WARM_CALLS; i++) caller.callHook(exportName, texts, label);
    const wasm = instance.instance;
    const phases = this.#phases(instance, exportName, texts.map((t) => JSON.parse(t) as unknown), texts, outputText, label);
    const measure = (run: () => unknown) => {
      refuel(wasm, this.#metered);
      run();
      const used = fuelUsed(wasm, this.#metered);
      if (used.exhausted) throw failed('the metered call ran out of fuel', this.plugin.path, 'more than 2^62 instructions');
      return Number(used.used);
    };
    const copyIn = measure(phases['copy-in'].fn);
    const execute = measure(phases.execute.fn);
    let text = '';
    const copyOut = measure(() => (text = phases['copy-out'].fn() as string));
    if (text !== outputText) throw failed('metering changed the answer', this.plugin.path, 'the metered module answered differently');
    return { phases: { stringify: 0, 'copy-in': copyIn, execute, 'copy-out': copyOut, parse: 0 }, total: copyIn + execute + copyOut };
  }

  async close(): Promise<void> {}
}
