/**
 * Where a module's static data lives: the address ranges its active data segments fill at
 * instantiation (string constants, runtime type tables, initialised globals in memory). An allocator
 * must never hand out a block there — seed 001's AssemblyScript example starts its bump pointer at
 * address 0, so the host's first inputs overwrite the module's own constants. Read from the data
 * section without compiling; a segment whose offset is not a constant (`global.get`, as
 * position-independent code emits) is left out, so the ranges are never guessed.
 */
import { readSections } from '../wasm/module-sections.js';
import type { BlockRange } from './allocation-observer.js';

const DATA_SECTION = 11;
const I32_CONST = 0x41;
const GLOBAL_GET = 0x23;
const END = 0x0b;
/** Segments closer than this are reported as one range (alignment padding between them is no free memory either). */
const MERGE_GAP = 16;

/** A cursor over a section payload; every read past the end ends the walk. */
class Cursor {
  at = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  byte(): number {
    const b = this.bytes[this.at++];
    if (b === undefined) throw new RangeError('end of data section');
    return b;
  }
  u32(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new RangeError('LEB128 too long');
  }
  s32(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.byte();
      result |= (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) !== 0 && shift < 35);
    return shift < 32 && (b & 0x40) !== 0 ? result | (-1 << shift) : result;
  }
}

/** The ranges the module's active data segments with constant offsets fill, merged and sorted. */
export function staticDataRanges(bytes: Uint8Array): BlockRange[] {
  const ranges: BlockRange[] = [];
  try {
    const section = readSections(bytes).find((s) => s.id === DATA_SECTION);
    if (section === undefined) return [];
    const c = new Cursor(section.payload);
    const count = c.u32();
    for (let i = 0; i < count; i++) {
      const flags = c.u32();
      if (flags === 1) {
        const size = c.u32(); // passive: copied only by memory.init, never placed by instantiation
        c.at += size;
        continue;
      }
      if (flags === 2 && c.u32() !== 0) return merge(ranges); // another memory than the one the host writes
      if (flags !== 0 && flags !== 2) return merge(ranges);
      const op = c.byte();
      let offset: number | undefined;
      if (op === I32_CONST) offset = c.s32() >>> 0;
      else if (op === GLOBAL_GET) c.u32();
      else return merge(ranges); // an extended constant expression: stop rather than misread
      if (c.byte() !== END) return merge(ranges);
      const len = c.u32();
      c.at += len;
      if (offset !== undefined && len > 0) ranges.push({ ptr: offset, len });
    }
  } catch {
    // A damaged data section is abi.compiles's finding; what was read so far stands.
  }
  return merge(ranges);
}

function merge(ranges: readonly BlockRange[]): BlockRange[] {
  const sorted = [...ranges].sort((a, b) => a.ptr - b.ptr);
  const out: { ptr: number; len: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.ptr <= last.ptr + last.len + MERGE_GAP) last.len = Math.max(last.len, r.ptr + r.len - last.ptr);
    else out.push({ ptr: r.ptr, len: r.len });
  }
  return out;
}
