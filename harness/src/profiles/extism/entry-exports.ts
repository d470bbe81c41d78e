/**
 * Which exports of an Extism plugin are functions a host can `call`. Extism calls an export with
 * no arguments (input and output travel through the kernel) and reads an i32 return code; an
 * export without a result counts as rc 0 (seed-systems §5.5). Toolchain runtime exports are not
 * entry points: WASI's `_initialize`/`_start`, GHC's `hs_init`, TinyGo's and wasi-libc's allocator,
 * the component ABI's `cabi_realloc`, and `__`-prefixed helpers (AssemblyScript's `__new`…).
 */
import { sameSignature } from '../../wasm/index.js';
import type { ExportEntry, FunctionSignature, ModuleInfo } from '../../wasm/index.js';
import { EXTISM_KERNEL } from './kernel-imports.js';

/** `() -> i32`: the shape of an Extism entry point. */
export const ENTRY_SIGNATURE: FunctionSignature = { params: [], results: ['i32'] };
/** `() -> ()`: callable too; Extism hosts read its return code as 0. */
export const VOID_SIGNATURE: FunctionSignature = { params: [], results: [] };

const RUNTIME_EXPORTS = new Set(['_initialize', '_start', 'hs_init', 'malloc', 'free', 'calloc', 'realloc', 'cabi_realloc']);

/** True for exports a toolchain adds for its own runtime rather than for the host to call. */
export function isRuntimeExport(name: string): boolean {
  return RUNTIME_EXPORTS.has(name) || name.startsWith('__') || name.startsWith('asyncify_');
}

/** The function exports a host could call: every function export that is not a runtime export. */
export function callableExports(module: ModuleInfo): ExportEntry[] {
  return module.exports.filter((e) => e.kind === 'function' && !isRuntimeExport(e.name));
}

/** True when an export has a shape an Extism host can call. */
export function isCallableShape(signature: FunctionSignature | undefined): boolean {
  return signature !== undefined && (sameSignature(signature, ENTRY_SIGNATURE) || sameSignature(signature, VOID_SIGNATURE));
}

/** True when the module imports a kernel function: what identifies it as an Extism plugin. */
export function importsKernel(module: ModuleInfo): boolean {
  return module.imports.some((i) => i.kind === 'function' && i.module === EXTISM_KERNEL);
}

/** The guest's runtime model as the SDK sees it: which start-up export it calls after instantiation. */
export function guestModel(module: ModuleInfo): 'reactor' | 'command' | 'none' {
  const has = (name: string) => module.exports.some((e) => e.name === name && e.kind === 'function');
  return has('_initialize') ? 'reactor' : has('_start') ? 'command' : 'none';
}
