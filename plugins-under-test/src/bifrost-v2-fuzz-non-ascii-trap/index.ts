// bifrost-v2-fuzz-non-ascii-trap: bifrost-v2-good-as with one rare defect, for fuzz.valid-inputs.
//
// pre_hook traps (unreachable) when its input holds any byte above 0x7f: a plugin that assumed
// ASCII and indexes a table with the byte. Every seed example and bad-input probe is ASCII, so only
// a generator that puts non-ASCII text into a field on purpose finds it; the minimal case is one
// such character in one string.
import { pre_hook as goodPreHook } from "../bifrost-v2-good-as/index";

export * from "../bifrost-v2-good-as/all-but-pre-hook";

export function pre_hook(ptr: usize, len: usize): u64 {
  for (let i: usize = 0; i < len; i++) {
    if (load<u8>(ptr + i) > 0x7f) unreachable();
  }
  return goodPreHook(ptr, len);
}
