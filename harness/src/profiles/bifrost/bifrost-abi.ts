/**
 * What both Bifrost ABIs share (seeds 000 and 001): the allocator pair, `get_name`, `init`,
 * `cleanup`, the packed u64 return, and how the allocator dialect is read off the exports.
 */
import type { FunctionSignature, ModuleInfo } from '../../wasm/index.js';
import type { BifrostProfile, Dialect, ExportSpec } from '../profile.js';
import { WASI_PREVIEW1_IMPORTS } from '../wasi-preview1.js';
import { INIT_CONFIG } from '../bifrost-v2/fixtures.js';

/** `(i32) -> i32`, `(i32,i32) -> i64` …: signature shorthands for ABI tables. */
export function sig(params: string, results: string): FunctionSignature {
  const parse = (s: string) => (s === '' ? [] : s.split(',').map((t) => t.trim() as 'i32' | 'i64'));
  return { params: parse(params), results: parse(results) };
}

/** Signature of `free(ptr)`. */
export const FREE_PTR = sig('i32', '');
/** Signature of `free(ptr, size)` (Rust's dealloc needs the size). */
export const FREE_PTR_SIZE = sig('i32,i32', '');

/** The allocator, name, init and cleanup exports both Bifrost ABIs use. */
export function commonExports(seed: string): ExportSpec[] {
  const ref = (section: string) => `${seed} ${section}`;
  return [
    { name: 'memory', role: 'memory', signatures: [], specRef: ref('§Data Exchange') },
    { name: 'malloc', role: 'allocator', signatures: [sig('i32', 'i32')], specRef: ref('§Exports: malloc') },
    { name: 'plugin_malloc', role: 'allocator', signatures: [sig('i32', 'i32')], specRef: 'seed 000 §Plugin Structure: plugin_malloc (TinyGo)' },
    { name: 'free', role: 'free', signatures: [FREE_PTR, FREE_PTR_SIZE], specRef: ref('§Exports: free') },
    { name: 'plugin_free', role: 'free', signatures: [FREE_PTR, FREE_PTR_SIZE], specRef: 'seed 000 §Plugin Structure: plugin_free (TinyGo)' },
    { name: 'get_name', role: 'name', signatures: [sig('', 'i64')], specRef: ref('§Exports: get_name') },
    { name: 'init', role: 'init', signatures: [sig('i32,i32', 'i32')], specRef: ref('§Exports: init') },
    { name: 'cleanup', role: 'cleanup', signatures: [sig('', 'i32')], specRef: ref('§Exports: cleanup') },
  ];
}

/**
 * Reads the allocator axes of a Bifrost dialect. TinyGo's runtime already exports `malloc`, so its
 * plugins export `plugin_malloc`; the host tries `plugin_malloc` first (seed-systems §1.3).
 */
export function detectAllocatorDialect(module: ModuleInfo): Dialect {
  const fn = (name: string) => module.exports.find((e) => e.name === name && e.kind === 'function');
  const allocator = fn('plugin_malloc') ? 'plugin_malloc' : fn('malloc') ? 'malloc' : 'none';
  const freeName = allocatorExportNames(allocator, (name) => fn(name) !== undefined).free;
  const freeExport = freeName === undefined ? undefined : fn(freeName);
  const arity = freeExport?.signature?.params.length;
  const free = freeExport === undefined ? 'none' : arity === 2 ? 'free(ptr,size)' : 'free(ptr)';
  return { allocator, free };
}

/**
 * The exports the host allocates and frees with, for a dialect's `allocator` axis: `plugin_malloc`
 * or `malloc`, and the free that pairs with it (`plugin_free` with `plugin_malloc`, `free` with
 * `malloc`), else the other one; `free` is undefined when `has` finds neither.
 */
export function allocatorExportNames(allocator: string | undefined, has: (name: string) => boolean): { readonly malloc: string; readonly free: string | undefined } {
  const malloc = allocator === 'plugin_malloc' ? 'plugin_malloc' : 'malloc';
  return { malloc, free: (malloc === 'plugin_malloc' ? ['plugin_free', 'free'] : ['free', 'plugin_free']).find(has) };
}

/**
 * How the reference host runs any Bifrost plugin: WASI preview1 as the only host functions (TinyGo
 * builds import it), one long-lived instance (seed-systems §1.7), the seed's config for `init`.
 * The real host's limits are not public; 5 s per call is generous for hooks that take microseconds.
 */
export const BIFROST_HOST: Pick<BifrostProfile, 'hostImports' | 'initConfig' | 'limits' | 'lifecycle'> = {
  hostImports: WASI_PREVIEW1_IMPORTS,
  initConfig: INIT_CONFIG,
  limits: { callTimeoutMs: 5000, instantiateTimeoutMs: 10000 },
  lifecycle: 'reused',
};
