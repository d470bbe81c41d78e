import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Offset, GuestMemory } from '../../src/host/guest-memory.js';
import type { MemoryRead } from '../../src/host/guest-memory.js';

const PAGE = 65536;

function memoryOf(pages: number, maximum?: number): { memory: WebAssembly.Memory; guest: GuestMemory; raw: () => Uint8Array } {
  const memory = new WebAssembly.Memory(maximum === undefined ? { initial: pages } : { initial: pages, maximum });
  return { memory, guest: new GuestMemory(memory), raw: () => new Uint8Array(memory.buffer) };
}

function value<T>(read: MemoryRead<T>): T {
  if (!read.ok) throw new Error(`expected a successful read, got ${JSON.stringify(read.fault)}`);
  return read.value;
}

describe('GuestMemory bounds', () => {
  const { guest, raw } = memoryOf(1);
  raw().set([1, 2, 3], PAGE - 3);

  it('reports the memory size in bytes', () => {
    expect(guest.byteLength).toBe(PAGE);
  });

  it('reads the last bytes of memory (ptr + len == byteLength)', () => {
    expect(guest.inBounds(PAGE - 3, 3)).toBe(true);
    expect(Array.from(value(guest.read(PAGE - 3, 3)))).toEqual([1, 2, 3]);
  });

  it('reads zero bytes at the very end of memory', () => {
    expect(guest.inBounds(PAGE, 0)).toBe(true);
    expect(value(guest.read(PAGE, 0)).length).toBe(0);
    expect(value(guest.readString(PAGE, 0))).toBe('');
  });

  it('faults one byte past the end, with the pair and the memory size', () => {
    expect(guest.inBounds(PAGE - 3, 4)).toBe(false);
    expect(guest.read(PAGE - 3, 4)).toEqual({ ok: false, fault: { kind: 'out-of-bounds', ptr: PAGE - 3, len: 4, memoryBytes: PAGE } });
    expect(guest.readString(PAGE, 1)).toEqual({ ok: false, fault: { kind: 'out-of-bounds', ptr: PAGE, len: 1, memoryBytes: PAGE } });
  });

  it('faults on negative pointers and lengths', () => {
    for (const [ptr, len] of [[-1, 1], [0, -1], [-PAGE, PAGE], [10, -5]] as const) {
      expect(guest.inBounds(ptr, len), `${ptr},${len}`).toBe(false);
      expect(guest.read(ptr, len).ok, `${ptr},${len}`).toBe(false);
      expect(guest.readString(ptr, len).ok, `${ptr},${len}`).toBe(false);
    }
  });

  it('faults on huge and non-finite values instead of throwing', () => {
    for (const [ptr, len] of [[2 ** 32 - 1, 1], [0, 2 ** 32], [2 ** 53, 0], [Number.MAX_VALUE, 1], [Infinity, 0], [NaN, 1], [0, NaN]] as const) {
      expect(guest.inBounds(ptr, len), `${ptr},${len}`).toBe(false);
      const read = guest.read(ptr, len);
      expect(read.ok, `${ptr},${len}`).toBe(false);
      if (!read.ok) expect(read.fault.kind).toBe('out-of-bounds');
    }
  });

  it('returns a copy, not a live view of guest memory', () => {
    const copy = value(guest.read(PAGE - 3, 3));
    raw()[PAGE - 3] = 99;
    expect(copy[0]).toBe(1);
    raw()[PAGE - 3] = 1;
  });
});

describe('GuestMemory strict UTF-8', () => {
  const { guest, raw } = memoryOf(1);
  const put = (ptr: number, bytes: readonly number[]) => raw().set(bytes, ptr);
  put(400, [0x7b, 0x7d]);

  it('decodes valid multi-byte text', () => {
    const bytes = new TextEncoder().encode('{"k":"é€😀"}');
    raw().set(bytes, 0);
    expect(value(guest.readString(0, bytes.length))).toBe('{"k":"é€😀"}');
  });

  it('reports an invalid byte as invalid-utf8 with its offset, not U+FFFD', () => {
    put(100, [0x61, 0x62, 0xff, 0x63]);
    expect(guest.readString(100, 4)).toEqual({ ok: false, fault: { kind: 'invalid-utf8', ptr: 100, len: 4, firstBadByte: 2 } });
  });

  it('reports a lone continuation byte at offset 0', () => {
    put(200, [0x80, 0x41]);
    const read = guest.readString(200, 2);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.fault).toMatchObject({ kind: 'invalid-utf8', firstBadByte: 0 });
  });

  it('rejects an overlong encoding and a UTF-16 surrogate encoded in UTF-8', () => {
    put(300, [0xc0, 0xaf]);
    put(310, [0xed, 0xa0, 0x80]);
    expect(guest.readString(300, 2).ok).toBe(false);
    expect(guest.readString(310, 3).ok).toBe(false);
  });

  it('still decodes valid text after a fault', () => {
    put(410, [0x41, 0xfe]);
    expect(guest.readString(410, 2).ok).toBe(false);
    expect(value(guest.readString(400, 2))).toBe('{}');
  });

  it('keeps a leading BOM in the text, so JSON.parse rejects it as the real host does', () => {
    put(500, [0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    const text = value(guest.readString(500, 5));
    expect(text).toBe('\uFEFF{}');
    expect(text.length).toBe(3);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('checks bounds before decoding', () => {
    const read = guest.readString(PAGE - 1, 2);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.fault.kind).toBe('out-of-bounds');
  });

  it('reports text cut in the middle of a character as invalid', () => {
    put(600, [0x41, 0xc3]);
    const read = guest.readString(600, 2);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.fault.kind).toBe('invalid-utf8');
  });

  // Locating the bad byte must not leave shared decoder state behind for the next read.
  it('decodes a valid read right after a read cut mid-character', () => {
    put(700, [0x41, 0xc3]);
    expect(guest.readString(700, 2).ok).toBe(false);
    expect(guest.readString(400, 2)).toEqual({ ok: true, value: '{}' });
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('finds a bad byte after ASCII', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0x7b, 0x22, 0xff]))).toBe(2);
  });

  it('points at the start of a character cut off at the end', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc3]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
  });

  it('returns the length for valid input', () => {
    expect(firstInvalidUtf8Offset(new TextEncoder().encode('abc'))).toBe(3);
  });

  it('finds a bad byte after a multi-byte character', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0xe2, 0x82, 0xac, 0xff]))).toBe(3);
  });

  it('finds a stray continuation byte after two "é"', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0xc3, 0xa9, 0xc3, 0xa9, 0x80]))).toBe(4);
  });
});

describe('GuestMemory after memory.grow', () => {
  it('sees the new pages for reads, writes and the size', () => {
    const { memory, guest } = memoryOf(1, 4);
    expect(guest.byteLength).toBe(PAGE);
    expect(guest.inBounds(PAGE, 1)).toBe(false);
    memory.grow(1);
    expect(guest.byteLength).toBe(2 * PAGE);
    expect(guest.write(PAGE + 10, new Uint8Array([7, 8, 9]))).toBe(true);
    expect(Array.from(new Uint8Array(memory.buffer, PAGE + 10, 3))).toEqual([7, 8, 9]);
    expect(Array.from(value(guest.read(PAGE + 10, 3)))).toEqual([7, 8, 9]);
    expect(guest.writeString(2 * PAGE - 2, 'ok', 2)).toBe(2);
    expect(value(guest.readString(2 * PAGE - 2, 2))).toBe('ok');
  });

  it('keeps the old contents across a grow', () => {
    const { memory, guest } = memoryOf(1, 2);
    guest.write(5, new Uint8Array([42]));
    memory.grow(1);
    expect(Array.from(value(guest.read(5, 1)))).toEqual([42]);
  });
});

describe('GuestMemory writes', () => {
  it('writes bytes in bounds and refuses (writing nothing) out of bounds', () => {
    const { guest, raw } = memoryOf(1);
    expect(guest.write(PAGE - 2, new Uint8Array([1, 2]))).toBe(true);
    expect(Array.from(raw().subarray(PAGE - 2))).toEqual([1, 2]);
    expect(guest.write(PAGE - 2, new Uint8Array([3, 4, 5]))).toBe(false);
    expect(Array.from(raw().subarray(PAGE - 2))).toEqual([1, 2]);
    expect(guest.write(-1, new Uint8Array([9]))).toBe(false);
  });

  it('writeString returns the byte count, multi-byte text included', () => {
    const { guest, raw } = memoryOf(1);
    expect(guest.writeString(16, 'é€', 5)).toBe(5);
    expect(new TextDecoder().decode(raw().subarray(16, 21))).toBe('é€');
  });

  it('writeString returns -1 and writes nothing when the block runs past memory', () => {
    const { guest, raw } = memoryOf(1);
    expect(guest.writeString(PAGE - 1, 'ab', 2)).toBe(-1);
    expect(raw()[PAGE - 1]).toBe(0);
    expect(guest.writeString(-4, 'ab', 2)).toBe(-1);
    expect(guest.writeString(PAGE - 2, 'ab', 2)).toBe(2);
  });

  it('writeString never writes past the block it was given', () => {
    const { guest, raw } = memoryOf(1);
    const written = guest.writeString(100, 'abcdef', 3);
    expect(written).toBe(3);
    expect(new TextDecoder().decode(raw().subarray(100, 104))).toBe('abc\0');
  });
});
