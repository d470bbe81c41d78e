// bifrost-v2-fuzz-reads-past-input: bifrost-v2-good-as whose pre_hook reads the byte just past its
// input, looking for a NUL terminator as C code that assumed NUL-terminated strings would. Behind a
// block from its own allocator that byte is always there to read, so every seed example, probe and
// ordinary fuzz case passes; only an input the host places to end at the last byte of memory (the
// end-of-memory hostile class of fuzz.hostile-inputs) makes the over-read trap out of bounds.
import { pre_hook as goodPreHook } from "../bifrost-v2-good-as/index";

export * from "../bifrost-v2-good-as/all-but-pre-hook";

// Kept so the over-read has an effect the optimiser must preserve.
let nulTerminated: bool = false;

export function pre_hook(ptr: usize, len: usize): u64 {
  nulTerminated = load<u8>(ptr + len) == 0;
  return goodPreHook(ptr, len);
}
