/**
 * The memory cap: the module's memory maximum is rewritten to the cap the real host sets (midimon's
 * and FrankenTerm's wasmtime `StoreLimits`), so `memory.grow` past it returns -1 in the guest, as it
 * does under wasmtime's limiter. Only the memory section is re-encoded; every other byte is copied.
 *
 * An imported memory is refused rather than capped: the host would have to create it, and none of
 * the profiles' hosts provides one, so `abi.imports-provided` already reports it.
 */
import type { ModuleInfo } from './module-info.js';
import { readSections, uleb128, writeSections } from './module-sections.js';

/** Bytes in one WebAssembly page. */
export const PAGE_BYTES = 65536;

const MEMORY_SECTION = 5;
const HAS_MAXIMUM = 0x01;

/** The module with its memory capped, or why it cannot be. */
export type CappedModule =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array<ArrayBuffer>;
      /** The pages the module declares at first. */
      readonly initialPages: number;
      /** The maximum the module declared itself (`null`: none), before the cap. */
      readonly declaredMaximum: number | null;
      /** The maximum now in force: the smaller of the declared one and the cap. */
      readonly maximumPages: number;
    }
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer>; readonly initialPages: null; readonly declaredMaximum: null; readonly maximumPages: null }
  | { readonly ok: false; readonly reason: 'imported-memory' | 'initial-above-cap' | 'unsupported-memory'; readonly message: string };

/** Rewrites the maximum of the module's memory to at most `capPages` pages. */
export function capMemory(bytes: Uint8Array, info: ModuleInfo, capPages: number): CappedModule {
  if (info.memories.some((m) => m.imported)) {
    return { ok: false, reason: 'imported-memory', message: 'the module imports its memory, so its size is set by whoever provides it; no host of this profile provides one: define and export the memory instead' };
  }
  const first = info.memories[0];
  if (first === undefined) return { ok: true, bytes: new Uint8Array(bytes), initialPages: null, declaredMaximum: null, maximumPages: null };
  const { limits } = first;
  if (info.memories.length > 1 || limits.memory64 || limits.shared) {
    return { ok: false, reason: 'unsupported-memory', message: 'only one 32-bit, unshared memory can be capped (the hosts run neither multi-memory, memory64 nor threads)' };
  }
  if (limits.initialPages > capPages) {
    return {
      ok: false,
      reason: 'initial-above-cap',
      message: `the module asks for ${limits.initialPages} pages (${mib(limits.initialPages)}) at start, above the host's cap of ${capPages} pages (${mib(capPages)}); the host refuses to instantiate it: lower the initial memory (linker --initial-memory, asc --initialMemory)`,
    };
  }
  const maximumPages = limits.maximumPages === null ? capPages : Math.min(limits.maximumPages, capPages);
  const sections = readSections(bytes).map((s) => {
    if (s.id !== MEMORY_SECTION) return s;
    // Checked above that there is exactly one plain 32-bit memory, so the section is re-encoded whole.
    return { id: s.id, payload: new Uint8Array([1, HAS_MAXIMUM, ...uleb128(limits.initialPages), ...uleb128(maximumPages)]) };
  });
  return { ok: true, bytes: writeSections(bytes, sections), initialPages: limits.initialPages, declaredMaximum: limits.maximumPages, maximumPages };
}

/** A page count as MiB, for messages. */
export function mib(pages: number): string {
  return `${(pages * PAGE_BYTES) / 2 ** 20} MiB`;
}
