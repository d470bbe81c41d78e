import { describe, expect, it } from 'vitest';
import { packU64, unpackU64 } from '../../../src/profiles/bifrost/packed.js';
import { wat } from '../../support/wat.js';

describe('unpackU64', () => {
  it('splits pointer (high) and length (low)', () => {
    expect(unpackU64((1024n << 32n) | 87n)).toEqual({ ptr: 1024, len: 87 });
    expect(unpackU64(0n)).toEqual({ ptr: 0, len: 0 });
  });

  it('reads a negative i64 (pointer >= 2^31) as an unsigned pointer', () => {
    // 0x80000000_00000010 as V8 hands it back: a negative BigInt.
    const signed = BigInt.asIntN(64, 0x80000000_00000010n);
    expect(signed).toBeLessThan(0n);
    expect(unpackU64(signed)).toEqual({ ptr: 2 ** 31, len: 16 });
    expect(unpackU64(-1n)).toEqual({ ptr: 2 ** 32 - 1, len: 2 ** 32 - 1 });
  });

  it('reads a length >= 2^31 as unsigned', () => {
    expect(unpackU64(0x00000001_80000000n)).toEqual({ ptr: 1, len: 2 ** 31 });
  });

  it('unpacks what a real guest returns through V8, pointer above 2 GiB included', () => {
    const module = new WebAssembly.Module(
      wat(`(module (func (export "pack") (param i32 i32) (result i64)
        (i64.or (i64.shl (i64.extend_i32_u (local.get 0)) (i64.const 32)) (i64.extend_i32_u (local.get 1)))))`),
    );
    const pack = new WebAssembly.Instance(module).exports['pack'] as (ptr: number, len: number) => bigint;
    const fromGuest = pack(0xfffffff0 | 0, 0x80000001 | 0);
    expect(fromGuest).toBeLessThan(0n);
    expect(unpackU64(fromGuest)).toEqual({ ptr: 0xfffffff0, len: 0x80000001 });
  });
});

describe('packU64', () => {
  it('round-trips with unpackU64 across the whole u32 range', () => {
    const values = [0, 1, 87, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 5, 2 ** 32 - 1];
    for (const ptr of values) {
      for (const len of values) {
        expect(unpackU64(packU64(ptr, len)), `${ptr},${len}`).toEqual({ ptr, len });
        // The same through the signed view V8 uses for i64.
        expect(unpackU64(BigInt.asIntN(64, packU64(ptr, len))), `signed ${ptr},${len}`).toEqual({ ptr, len });
      }
    }
  });

  it('takes negative i32 values as the guest would (two\'s complement)', () => {
    expect(packU64(-1, -2)).toBe(0xffffffff_fffffffen);
    expect(unpackU64(packU64(-2147483648, 3))).toEqual({ ptr: 2 ** 31, len: 3 });
  });

  it('packs the pointer high and the length low', () => {
    expect(packU64(2, 3)).toBe((2n << 32n) | 3n);
    expect(packU64(0, 0)).toBe(0n);
  });
});
