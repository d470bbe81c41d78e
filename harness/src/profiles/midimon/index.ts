/**
 * Profile `midimon` (seed 002): MIDIMon / Conductor action plugins, run by a wasmtime 26 host
 * (seed-systems §3). `init() -> u64` returns packed metadata JSON, `execute(ptr,len) -> i32` runs
 * an action over request JSON the host wrote into a block from `alloc(len)`, and every call gets a
 * fresh instance. Where the seed's template and the real host disagree, the host wins and both
 * context shapes are fixtures.
 */
import type { ModuleInfo } from '../../wasm/index.js';
import { sig } from '../bifrost/bifrost-abi.js';
import type { OtherProfile, Profile } from '../profile.js';
import { WASI_PREVIEW1, WASI_PREVIEW1_IMPORTS } from '../wasi-preview1.js';
import { CONTEXT_FIXTURES, DEFAULT_ACTION } from './fixtures.js';
import type { ContextFixture } from './fixtures.js';

/** The midimon profile: the common profile data plus what `execute` is called with. */
export interface MidimonProfile extends OtherProfile {
  readonly family: 'midimon';
  readonly contexts: readonly ContextFixture[];
  /** The action called when the metadata lists none. */
  readonly defaultAction: string;
}

const RUNTIME = 'seed-systems §3.2 (wasm_runtime.rs lookups)';

/**
 * Which context shape a plugin accepts is decided by its JSON decoding at run time; no export or
 * import shows it, so the dialect says so and `lifecycle.execute` reports the shapes accepted.
 */
export const CONTEXT_NOT_STATIC = 'not-visible-statically';

/** The midimon profile. */
export const midimon: MidimonProfile = {
  id: 'midimon',
  family: 'midimon',
  title: 'MIDIMon / Conductor WASM action plugins (wasmtime 26 host, fresh instance per call)',
  seed: 'seed 002',
  exports: [
    { name: 'memory', role: 'memory', signatures: [], specRef: `${RUNTIME}: get_memory("memory")` },
    { name: 'init', role: 'metadata', signatures: [sig('', 'i64')], specRef: 'seed 002 §Plugin Interface: init() -> u64' },
    { name: 'execute', role: 'entry', signatures: [sig('i32,i32', 'i32')], specRef: 'seed 002 §Plugin Interface: execute(ptr: u32, len: u32) -> i32' },
    { name: 'alloc', role: 'allocator', signatures: [sig('i32', 'i32')], specRef: 'seed 002 §Memory Management: alloc(size: u32) -> *mut u8' },
    { name: 'dealloc', role: 'free', signatures: [sig('i32,i32', '')], specRef: 'seed 002 §Memory Management: dealloc(ptr, size) (never called by the host)' },
  ],
  required: [
    { label: 'init', anyOf: ['init'], specRef: `${RUNTIME}: "Missing init export"` },
    { label: 'execute', anyOf: ['execute'], specRef: `${RUNTIME}: get_typed_func("execute")` },
    { label: 'alloc', anyOf: ['alloc'], specRef: `${RUNTIME}: "No alloc export"` },
  ],
  // The host links WASI preview1 and nothing else (seed-systems §3.2: no custom host functions).
  hostImports: WASI_PREVIEW1_IMPORTS,
  // seed 002 §Security Considerations and WasmConfig defaults (seed-systems §3.4). Fuel is data
  // here: a JS host cannot meter, so the watchdog's wall clock is the CPU bound it enforces.
  limits: { callTimeoutMs: 5000, instantiateTimeoutMs: 10000, memoryPages: 2048, fuel: 100_000_000 },
  lifecycle: 'fresh',
  contexts: CONTEXT_FIXTURES,
  defaultAction: DEFAULT_ACTION,
  detectDialect(module: ModuleInfo) {
    const dealloc = module.exports.some((e) => e.name === 'dealloc' && e.kind === 'function');
    const wasi = module.imports.some((i) => i.module === WASI_PREVIEW1);
    return { dealloc: dealloc ? 'dealloc(ptr,size)' : 'none', wasi: wasi ? 'preview1' : 'none', context: CONTEXT_NOT_STATIC };
  },
};

/** The midimon profiles, in detection order. */
export const MIDIMON_PROFILES: readonly Profile[] = [midimon];
