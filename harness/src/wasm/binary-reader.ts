/**
 * A bounds-checked cursor over a WebAssembly binary.
 *
 * Every read is checked so that a damaged file turns into a PluginLoadError naming the byte offset
 * and the section, never into a RangeError or a silently wrong value.
 */

import { PluginLoadError } from '../errors.js';

/**
 * What running past the reader's end means.
 *
 * - `'end-of-file'`: the reader ends where the file ends, so the file was cut short
 *   (PLUGCHECK_TRUNCATED_MODULE).
 * - `'end-of-section'`: the reader ends where a section's declared size ends and the file goes on,
 *   so the size field and the contents disagree (PLUGCHECK_MALFORMED_MODULE).
 */
export type ReaderBound = 'end-of-file' | 'end-of-section';

/**
 * A name read from the binary.
 *
 * Invalid UTF-8 is returned rather than thrown so the inspector can list every bad name in one
 * report; `text` then has U+FFFD in place of the invalid bytes, good enough to show to a person.
 */
export type DecodedName =
  | { readonly valid: true; readonly text: string }
  | { readonly valid: false; readonly text: string; readonly bytes: Uint8Array };

/** Fix shown for every read past the end of the file. */
const TRUNCATED_FIX = 'rebuild the module; the file was cut short (an interrupted download or copy?)';

/** Fix shown for a malformed module unless the caller knows better. */
const MALFORMED_FIX = 'rebuild the module with its toolchain and check it with wasm-validate or wasm-tools validate';

/** Fix shown when a section's size field and its contents disagree. */
const SECTION_SIZE_FIX =
  "rebuild the module with its toolchain; the section's size field does not match its contents " +
  '(a post-processing tool that rewrote the binary?)';

// Names are decoded twice at most: strictly to detect invalid UTF-8, then leniently to display it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Cursor over `bytes[start, end)`; positions are offsets into the whole file, as tools print them. */
export class BinaryReader {
  readonly #bytes: Uint8Array;
  readonly #end: number;
  readonly #bound: ReaderBound;
  #pos: number;
  /** Where in the module the reader is, for error messages, e.g. `export section`. */
  context: string;

  /**
   * @param bytes The whole file, so that offsets in errors match what `wasm-objdump` shows.
   * @param context What is being read, for error messages.
   * @param start First byte of this reader's range.
   * @param end One past the last byte of this reader's range; defaults to the end of the file.
   * @param bound What `end` is, which decides the error for reading past it.
   */
  constructor(
    bytes: Uint8Array,
    context: string,
    start = 0,
    end = bytes.length,
    bound: ReaderBound = end === bytes.length ? 'end-of-file' : 'end-of-section',
  ) {
    if (start < 0 || end > bytes.length || start > end) {
      throw new RangeError(`BinaryReader range [${start}, ${end}) is outside 0..${bytes.length}`);
    }
    this.#bytes = bytes;
    this.#pos = start;
    this.#end = end;
    this.#bound = bound;
    this.context = context;
  }

  /** Offset of the next byte to read, counted from the start of the file. */
  get position(): number {
    return this.#pos;
  }

  /** Bytes left before this reader's end. */
  get remaining(): number {
    return this.#end - this.#pos;
  }

  /** Offset one past this reader's last byte. */
  get end(): number {
    return this.#end;
  }

  /**
   * A reader over the next `length` bytes, which this reader then skips.
   *
   * Used for section contents: the section's size was checked against the file already, so an
   * overrun inside it means a wrong size field, even when the section is the last in the file.
   */
  sub(length: number, context: string): BinaryReader {
    this.#need(length);
    const reader = new BinaryReader(this.#bytes, context, this.#pos, this.#pos + length, 'end-of-section');
    this.#pos += length;
    return reader;
  }

  /** One byte. */
  u8(): number {
    this.#need(1);
    const value = this.#bytes[this.#pos] as number;
    this.#pos += 1;
    return value;
  }

  /** The next byte, without moving past it (to tell `(ref null func)` from other reference types). */
  peek(): number {
    this.#need(1);
    return this.#bytes[this.#pos] as number;
  }

  /** An unsigned LEB128 number of at most 32 bits (counts, indices, sizes). */
  u32(): number {
    const start = this.#pos;
    let result = 0;
    for (let i = 0; i < 5; i++) {
      const byte = this.u8();
      if (i === 4 && byte > 0x0f) {
        throw this.malformed(`an unsigned 32-bit LEB128 at offset ${start} does not fit in 32 bits`);
      }
      // Multiplication instead of `<<` because bit 31 would turn the result negative.
      result += (byte & 0x7f) * 2 ** (7 * i);
      if ((byte & 0x80) === 0) return result;
    }
    throw this.malformed(`an unsigned 32-bit LEB128 at offset ${start} is longer than 5 bytes`);
  }

  /** An unsigned LEB128 number of at most 64 bits, as memory64 limits are encoded. */
  u64(): bigint {
    const start = this.#pos;
    let result = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = this.u8();
      if (i === 9 && byte > 0x01) {
        throw this.malformed(`an unsigned 64-bit LEB128 at offset ${start} does not fit in 64 bits`);
      }
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return result;
    }
    throw this.malformed(`an unsigned 64-bit LEB128 at offset ${start} is longer than 10 bytes`);
  }

  /**
   * Skips a signed LEB128 of at most `bits` bits (heap types are s33) without decoding it: nothing
   * plugcheck reports needs the value.
   */
  skipSignedLeb(bits: number): void {
    const start = this.#pos;
    const maxBytes = Math.ceil(bits / 7);
    for (let i = 0; i < maxBytes; i++) {
      if ((this.u8() & 0x80) === 0) return;
    }
    throw this.malformed(`a signed LEB128 at offset ${start} is longer than ${maxBytes} bytes`);
  }

  /** The next `n` bytes, as a view into the file (no copy). */
  bytes(n: number): Uint8Array {
    this.#need(n);
    const view = this.#bytes.subarray(this.#pos, this.#pos + n);
    this.#pos += n;
    return view;
  }

  /** Moves past `n` bytes. */
  skip(n: number): void {
    this.#need(n);
    this.#pos += n;
  }

  /** A name: LEB128 byte length, then UTF-8 bytes. */
  name(): DecodedName {
    const raw = this.bytes(this.u32());
    try {
      return { valid: true, text: strictUtf8.decode(raw) };
    } catch {
      return { valid: false, text: lenientUtf8.decode(raw), bytes: raw };
    }
  }

  /** A PLUGCHECK_MALFORMED_MODULE error located at the current position and context. */
  malformed(problem: string, details: { expected?: string; received?: string; fix?: string } = {}): PluginLoadError {
    return new PluginLoadError('PLUGCHECK_MALFORMED_MODULE', `${problem} (${this.context}, byte ${this.#pos})`, {
      expected: details.expected ?? 'a module that follows the WebAssembly binary format',
      received: details.received ?? problem,
      fix: details.fix ?? MALFORMED_FIX,
    });
  }

  /** Throws unless `n` more bytes are there, with the error that fits this reader's bound. */
  #need(n: number): void {
    if (n <= this.#end - this.#pos) return;
    const missing = n - (this.#end - this.#pos);
    if (this.#bound === 'end-of-file') {
      throw new PluginLoadError(
        'PLUGCHECK_TRUNCATED_MODULE',
        `module ends at byte ${this.#end} in the middle of the ${this.context}: ` +
          `${n} byte(s) needed at offset ${this.#pos}, ${missing} missing`,
        {
          expected: `${n} more byte(s) at offset ${this.#pos}`,
          received: `end of file after ${this.#end} bytes`,
          fix: TRUNCATED_FIX,
        },
      );
    }
    throw new PluginLoadError(
      'PLUGCHECK_MALFORMED_MODULE',
      `the ${this.context} ends at byte ${this.#end} (its declared size) but its contents go on: ` +
        `${n} byte(s) needed at offset ${this.#pos}`,
      {
        expected: `contents that fit in the ${this.context}'s declared size`,
        received: `contents that need ${missing} byte(s) more than declared`,
        fix: SECTION_SIZE_FIX,
      },
    );
  }
}

/** Describes bytes for error messages, e.g. `ff fe 00`, shortened after `limit` bytes. */
export function hexBytes(bytes: Uint8Array, limit = 32): string {
  const shown = Array.from(bytes.subarray(0, limit), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > limit ? `${shown} … (${bytes.length} bytes)` : shown;
}
