/**
 * Recovers the return codes the Extism JS runtime throws away. `plugin.call()` discards the i32 an
 * export returns (extism-js-sdk.md), yet Extism's other hosts report it and plugins rely on it
 * (`{success:false}` with rc 1). So the module is rewritten before the runtime loads it: every
 * `() -> i32` export is pointed at a new function that calls the original, stores its result,
 * zero-extended, in a new exported `(mut i64)` global, and returns it unchanged. The global holds -1
 * ({@link NO_RETURN_CODE}) until a call returns, so a trap is never mistaken for a code.
 *
 * Nothing is renumbered: the new functions and the global are appended after every existing one,
 * and types are reused (a wrapper has its export's own type), so function bodies, element segments,
 * names and the start function are copied byte for byte. Only the function, global, export and
 * code sections are re-encoded.
 */
import { BinaryReader } from '../../wasm/index.js';
import type { ModuleInfo } from '../../wasm/index.js';
import { ENTRY_SIGNATURE } from './entry-exports.js';
import { sameSignature } from '../../wasm/index.js';
import { concatBytes as concat, readSections, uleb128 as uleb } from '../../wasm/module-sections.js';
import type { RawSection } from '../../wasm/module-sections.js';

/** The value of the return-code global before an export returned. */
export const NO_RETURN_CODE = -1n;

/** A module whose entry points report their return codes. */
export interface ProbedModule {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** The export name of the return-code global (`__plugcheck_rc`, unless the plugin took it). */
  readonly global: string;
  /** The exports whose return code the global receives. */
  readonly wrapped: readonly string[];
}

const SECTION = { function: 3, global: 6, export: 7, code: 10 } as const;
// Binary-format order of the non-custom sections, for inserting a section the module lacks.
const RANK: Readonly<Record<number, number>> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 13: 6, 6: 7, 7: 8, 8: 9, 9: 10, 12: 11, 10: 12, 11: 13 };
const KIND_FUNCTION = 0;
const KIND_GLOBAL = 3;
const OP = { call: 0x10, localGet: 0x20, localTee: 0x22, globalSet: 0x24, i64Const: 0x42, i64ExtendI32U: 0xad, end: 0x0b } as const;
const I32 = 0x7f;
const I64 = 0x7e;
const MUTABLE = 0x01;

interface ExportRecord {
  readonly name: Uint8Array;
  readonly kind: number;
  index: number;
}

// The engine validates the rewritten module; these readers only need to get past each descriptor.
function skipLimits(r: BinaryReader): void {
  const flags = r.u8();
  const wide = (flags & 0x04) !== 0;
  const read = () => (wide ? r.u64() : r.u32());
  read();
  if ((flags & 0x01) !== 0) read();
  if ((flags & 0x08) !== 0) r.u32();
}

function skipValueType(r: BinaryReader): void {
  const type = r.u8();
  if (type === 0x63 || type === 0x64) r.skipSignedLeb(33);
}

/** Counts imported functions (with their type indices) and globals. */
function readImports(payload: Uint8Array): { functionTypes: number[]; globals: number } {
  const r = new BinaryReader(payload, 'import section');
  const functionTypes: number[] = [];
  let globals = 0;
  for (let n = r.u32(); n > 0; n--) {
    r.bytes(r.u32());
    r.bytes(r.u32());
    const kind = r.u8();
    if (kind === KIND_FUNCTION) functionTypes.push(r.u32());
    else if (kind === 1) {
      skipValueType(r);
      skipLimits(r);
    } else if (kind === 2) skipLimits(r);
    else if (kind === KIND_GLOBAL) {
      skipValueType(r);
      r.u8();
      globals++;
    } else if (kind === 4) {
      r.u8();
      r.u32();
    } else throw r.malformed(`unknown import kind 0x${kind.toString(16)}`);
  }
  return { functionTypes, globals };
}

function readExports(payload: Uint8Array): ExportRecord[] {
  const r = new BinaryReader(payload, 'export section');
  const records: ExportRecord[] = [];
  for (let n = r.u32(); n > 0; n--) {
    const name = r.bytes(r.u32());
    records.push({ name, kind: r.u8(), index: r.u32() });
  }
  return records;
}

/** A vector section's entry count and the bytes of its entries. */
function splitVector(payload: Uint8Array, what: string): { count: number; entries: Uint8Array } {
  const r = new BinaryReader(payload, what);
  const count = r.u32();
  return { count, entries: payload.subarray(r.position) };
}

function section(sections: RawSection[], id: number): RawSection {
  const found = sections.find((s) => s.id === id);
  if (found !== undefined) return found;
  const created: RawSection = { id, payload: new Uint8Array([0]) };
  const at = sections.findIndex((s) => s.id !== 0 && (RANK[s.id] ?? 0) > (RANK[id] ?? 0));
  sections.splice(at < 0 ? sections.length : at, 0, created);
  return created;
}

function uniqueName(records: readonly ExportRecord[]): string {
  const decoder = new TextDecoder();
  const taken = new Set(records.map((e) => decoder.decode(e.name)));
  let name = '__plugcheck_rc';
  while (taken.has(name)) name = `_${name}`;
  return name;
}

/**
 * Rewrites a module so its `() -> i32` exports report their return codes through an exported
 * global. Throws a PluginLoadError when the module cannot be read; the caller then runs the
 * original and reports the codes as unknown.
 */
export function probeReturnCodes(bytes: Uint8Array, info: ModuleInfo): ProbedModule {
  const sections = readSections(bytes);
  const exportSection = sections.find((s) => s.id === SECTION.export);
  const records = exportSection === undefined ? [] : readExports(exportSection.payload);
  const targets = records
    .map((record, i) => ({ record, entry: info.exports[i] }))
    .filter(({ record, entry }) => record.kind === KIND_FUNCTION && entry?.signature !== undefined && sameSignature(entry.signature, ENTRY_SIGNATURE));
  if (exportSection === undefined || targets.length === 0) {
    return { bytes: new Uint8Array(bytes), global: '', wrapped: [] };
  }

  const importSection = sections.find((s) => s.id === 2);
  const imported = importSection === undefined ? { functionTypes: [], globals: 0 } : readImports(importSection.payload);
  const functions = section(sections, SECTION.function);
  const globals = section(sections, SECTION.global);
  const code = section(sections, SECTION.code);
  const definedTypes = readFunctionTypes(functions.payload);
  const typeOf = (index: number) => imported.functionTypes[index] ?? definedTypes[index - imported.functionTypes.length] ?? 0;

  const globalVector = splitVector(globals.payload, 'global section');
  const rcGlobal = imported.globals + globalVector.count;
  let nextFunction = imported.functionTypes.length + definedTypes.length;
  const wrappers = new Map<number, number>();
  const newTypes: number[] = [];
  const newBodies: number[][] = [];
  for (const { record } of targets) {
    let wrapper = wrappers.get(record.index);
    if (wrapper === undefined) {
      wrapper = nextFunction++;
      wrappers.set(record.index, wrapper);
      newTypes.push(typeOf(record.index));
      const body = [1, 1, I32, OP.call, ...uleb(record.index), OP.localTee, 0, OP.i64ExtendI32U, OP.globalSet, ...uleb(rcGlobal), OP.localGet, 0, OP.end];
      newBodies.push([...uleb(body.length), ...body]);
    }
    record.index = wrapper;
  }

  const globalName = uniqueName(records);
  const nameBytes = new TextEncoder().encode(globalName);
  globals.payload = concat([uleb(globalVector.count + 1), globalVector.entries, [I64, MUTABLE, OP.i64Const, 0x7f, OP.end]]);
  const functionVector = splitVector(functions.payload, 'function section');
  functions.payload = concat([uleb(functionVector.count + newTypes.length), functionVector.entries, newTypes.flatMap(uleb)]);
  const codeVector = splitVector(code.payload, 'code section');
  code.payload = concat([uleb(codeVector.count + newBodies.length), codeVector.entries, newBodies.flat()]);
  const exported = [...records, { name: nameBytes, kind: KIND_GLOBAL, index: rcGlobal }];
  exportSection.payload = concat([
    uleb(exported.length),
    ...exported.map((e) => concat([uleb(e.name.length), e.name, [e.kind], uleb(e.index)])),
  ]);

  const out = concat([bytes.subarray(0, 8), ...sections.map((s) => concat([[s.id], uleb(s.payload.length), s.payload]))]);
  const decoder = new TextDecoder();
  return { bytes: out, global: globalName, wrapped: targets.map(({ record }) => decoder.decode(record.name)) };
}

function readFunctionTypes(payload: Uint8Array): number[] {
  const r = new BinaryReader(payload, 'function section');
  const types: number[] = [];
  for (let n = r.u32(); n > 0; n--) types.push(r.u32());
  return types;
}
