/**
 * Lets the ledger see the plugin's own allocations: binaryen rewrites the module so that the function
 * behind the allocator export (`malloc`, `plugin_malloc`) reports every block it hands out — to the
 * host and to the plugin's own code alike, since internal calls go to the same function — through an
 * added import, `allocated(size, ptr)`. The allocator's code is unchanged: the export now points at
 * a wrapper that calls the original and reports its result.
 *
 * What this cannot see: blocks a plugin takes from another allocator than the exported one (C code
 * calling libc `malloc` behind an exported wrapper, Rust's global allocator behind `Vec`), so a
 * block is judged only when the exported allocator handed it out.
 *
 * binaryen is loaded on first use only (wasm/binaryen.ts).
 */
import type { HostImportSpec } from '../profiles/profile.js';
import { sig } from '../profiles/bifrost/bifrost-abi.js';
import { loadBinaryen, readForRewrite } from '../wasm/binaryen.js';

/** The import the wrapper calls after each allocation: `(size, ptr)`. */
export const ALLOCATED_IMPORT: HostImportSpec = { module: 'plugcheck:ledger', name: 'allocated', signature: sig('i32,i32', '') };

/** The rewritten module, or why the allocator cannot be watched. */
export type InstrumentedAllocator = { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> } | { readonly ok: false; readonly reason: string };

type Ref = number;
// The slice of binaryen.js used here, typed locally (its .d.ts relies on const enums).
interface BinaryenModule {
  setFeatures(features: number): void;
  getExport(name: string): Ref;
  getFunction(name: string): Ref;
  addFunction(name: string, params: number, results: number, vars: readonly number[], body: Ref): Ref;
  removeFunction(name: string): void;
  addFunctionImport(internalName: string, module: string, base: string, params: number, results: number): void;
  block(label: string | null, children: readonly Ref[], type?: number): Ref;
  call(name: string, operands: readonly Ref[], type: number): Ref;
  local: { get(index: number, type: number): Ref; set(index: number, value: Ref): Ref };
  validate(): number;
  emitBinary(): Uint8Array;
  dispose(): void;
}
interface Binaryen {
  readBinary(bytes: Uint8Array): BinaryenModule;
  getExportInfo(ref: Ref): { readonly kind: number; readonly name: string; readonly value: string };
  getFunctionInfo(ref: Ref): { readonly name: string; readonly base: string; readonly params: number; readonly results: number; readonly vars: readonly number[]; readonly body: Ref };
  createType(types: readonly number[]): number;
  readonly ExternalFunction: number;
  readonly Features: Readonly<Record<string, number>>;
  readonly i32: number;
  readonly none: number;
}



/** Rewrites `bytes` so the function exported as `exportName` (an `(i32) -> i32` allocator) reports every block. */
export async function instrumentAllocator(bytes: Uint8Array, exportName: string): Promise<InstrumentedAllocator> {
  const b = await loadBinaryen<Binaryen>();
  let module: BinaryenModule | undefined;
  try {
    module = readForRewrite(b, bytes);
    const exported = module.getExport(exportName);
    if (exported === 0) return { ok: false, reason: `the module exports no \`${exportName}\`` };
    const target = b.getExportInfo(exported);
    if (target.kind !== b.ExternalFunction) return { ok: false, reason: `\`${exportName}\` is not a function` };
    const original = b.getFunctionInfo(module.getFunction(target.value));
    if (original.base !== '') return { ok: false, reason: `\`${exportName}\` is an imported function, with no code to watch` };
    const i32Param = b.createType([b.i32]);
    if (original.params !== i32Param || original.results !== b.i32) return { ok: false, reason: `\`${exportName}\` is not (i32) -> i32` };
    const inner = `${original.name}$plugcheck_original`;
    const report = `${original.name}$plugcheck_allocated`;
    // The body moves to a new function; the old name (which every call, table entry and export uses) becomes the wrapper.
    module.addFunction(inner, original.params, original.results, original.vars, original.body);
    module.removeFunction(original.name);
    module.addFunctionImport(report, ALLOCATED_IMPORT.module, ALLOCATED_IMPORT.name, b.createType([b.i32, b.i32]), b.none);
    const m = module;
    m.addFunction(original.name, original.params, original.results, [b.i32], m.block(null, [
      m.local.set(1, m.call(inner, [m.local.get(0, b.i32)], b.i32)),
      m.call(report, [m.local.get(0, b.i32), m.local.get(1, b.i32)], b.none),
      m.local.get(1, b.i32),
    ], b.i32));
    if (!m.validate()) return { ok: false, reason: 'binaryen produced an invalid module' };
    return { ok: true, bytes: new Uint8Array(m.emitBinary()) };
  } catch (thrown) {
    return { ok: false, reason: `binaryen could not rewrite the module: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  } finally {
    module?.dispose();
  }
}
