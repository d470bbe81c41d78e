/**
 * The packed u64 return of Bifrost hooks: high 32 bits pointer, low 32 bits length.
 */

/** A pointer and a length into guest memory. */
export interface GuestSlice {
  readonly ptr: number;
  readonly len: number;
}

const LOW = 0xffffffffn;

/**
 * Unpacks a hook's i64 result. V8 hands i64 back as a signed BigInt, so a pointer at or above
 * 2 GiB arrives negative; `asUintN` restores it.
 */
export function unpackU64(value: bigint): GuestSlice {
  const v = BigInt.asUintN(64, value);
  return { ptr: Number(v >> 32n), len: Number(v & LOW) };
}

/** Packs a pointer and length the way a plugin does (used by tests and the benchmark floor). */
export function packU64(ptr: number, len: number): bigint {
  return (BigInt(ptr >>> 0) << 32n) | BigInt(len >>> 0);
}
