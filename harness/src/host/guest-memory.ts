/**
 * Bounds-checked access to a plugin's linear memory. Every pointer and length a plugin hands the
 * host goes through here, so an out-of-bounds pair is a finding, never a RangeError or a silent
 * read of zeros; strings are decoded as strict UTF-8, so a bad byte is a finding, not U+FFFD.
 */

/** Why reading guest memory failed. */
export type MemoryFault =
  | { readonly kind: 'out-of-bounds'; readonly ptr: number; readonly len: number; readonly memoryBytes: number }
  | { readonly kind: 'invalid-utf8'; readonly ptr: number; readonly len: number; readonly firstBadByte: number };

/** A read that worked or the fault that stopped it. */
export type MemoryRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly fault: MemoryFault };

// ignoreBOM keeps a leading U+FEFF in the text, so JSON.parse rejects it as the real host would.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * Finds the offset of the first byte that makes `bytes` invalid UTF-8 (for evidence): the byte
 * the decoder rejects, or the start of a character cut off at the end. Uses its own decoder, fed
 * one byte at a time, so the shared strict decoder is never left in streaming state.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let charStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    // A byte that is not a continuation byte (10xxxxxx) starts a new character.
    if (((bytes[i] ?? 0) & 0xc0) !== 0x80) charStart = i;
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return i;
    }
  }
  try {
    decoder.decode();
  } catch {
    return charStart;
  }
  return bytes.length;
}

/** Bounds-checked reader and writer over one `WebAssembly.Memory`. */
export class GuestMemory {
  readonly memory: WebAssembly.Memory;
  #buffer: ArrayBuffer;
  #bytes: Uint8Array;

  constructor(memory: WebAssembly.Memory) {
    this.memory = memory;
    this.#buffer = memory.buffer;
    this.#bytes = new Uint8Array(this.#buffer);
  }

  /** Current size in bytes. */
  get byteLength(): number {
    return this.#view().byteLength;
  }

  // memory.grow detaches the old ArrayBuffer; re-create the view only when that happened.
  #view(): Uint8Array {
    if (this.#buffer !== this.memory.buffer) {
      this.#buffer = this.memory.buffer;
      this.#bytes = new Uint8Array(this.#buffer);
    }
    return this.#bytes;
  }

  /** True when `[ptr, ptr+len)` lies inside memory. */
  inBounds(ptr: number, len: number): boolean {
    return ptr >= 0 && len >= 0 && ptr + len <= this.#view().byteLength;
  }

  /** A copy of `len` bytes at `ptr`, or an out-of-bounds fault. */
  read(ptr: number, len: number): MemoryRead<Uint8Array> {
    const view = this.#view();
    if (!(ptr >= 0 && len >= 0 && ptr + len <= view.byteLength)) {
      return { ok: false, fault: { kind: 'out-of-bounds', ptr, len, memoryBytes: view.byteLength } };
    }
    return { ok: true, value: view.slice(ptr, ptr + len) };
  }

  /** The strict UTF-8 text of `len` bytes at `ptr`. */
  readString(ptr: number, len: number): MemoryRead<string> {
    const view = this.#view();
    if (!(ptr >= 0 && len >= 0 && ptr + len <= view.byteLength)) {
      return { ok: false, fault: { kind: 'out-of-bounds', ptr, len, memoryBytes: view.byteLength } };
    }
    const bytes = view.subarray(ptr, ptr + len);
    try {
      return { ok: true, value: strictDecoder.decode(bytes) };
    } catch {
      return { ok: false, fault: { kind: 'invalid-utf8', ptr, len, firstBadByte: firstInvalidUtf8Offset(bytes) } };
    }
  }

  /** Writes `bytes` at `ptr`; false (and nothing written) when the range is out of bounds. */
  write(ptr: number, bytes: Uint8Array): boolean {
    const view = this.#view();
    if (!(ptr >= 0 && ptr + bytes.length <= view.byteLength)) return false;
    view.set(bytes, ptr);
    return true;
  }

  /** Encodes `text` as UTF-8 straight into memory at `ptr`; returns bytes written or -1 when it does not fit. */
  writeString(ptr: number, text: string, byteLength: number): number {
    const view = this.#view();
    if (!(ptr >= 0 && ptr + byteLength <= view.byteLength)) return -1;
    return encoder.encodeInto(text, view.subarray(ptr, ptr + byteLength)).written;
  }
}
