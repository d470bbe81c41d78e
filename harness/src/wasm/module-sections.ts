/**
 * A module as its raw sections, for rewrites that patch one section and copy the rest byte for
 * byte (the memory cap). Only the framing is read here; the engine validates the result.
 */
import { BinaryReader } from './binary-reader.js';

/** One section: its id and payload (without the id byte and size). */
export interface RawSection {
  readonly id: number;
  /** Replaced by rewrites that re-encode the section. */
  payload: Uint8Array;
}

/** The sections of a module, in file order (custom sections included). */
export function readSections(bytes: Uint8Array): RawSection[] {
  const r = new BinaryReader(bytes, 'module', 8);
  const sections: RawSection[] = [];
  while (r.remaining > 0) {
    const id = r.u8();
    sections.push({ id, payload: r.bytes(r.u32()) });
  }
  return sections;
}

/** Unsigned LEB128 encoding of a non-negative integer below 2^53. */
export function uleb128(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** The bytes of `parts`, one after the other. */
export function concatBytes(parts: readonly (Uint8Array | readonly number[])[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Serialises sections back into a module, with the header of `original`. */
export function writeSections(original: Uint8Array, sections: readonly RawSection[]): Uint8Array<ArrayBuffer> {
  return concatBytes([original.subarray(0, 8), ...sections.flatMap((s) => [[s.id, ...uleb128(s.payload.length)], s.payload])]);
}
