// bifrost-v2-fuzz-rare-hang: bifrost-v2-good-as with one rare defect, for the fuzz checks' timeout
// evidence (a hang found by fuzzing still gets a replay bundle).
//
// pre_hook first counts the characters of its input with a UTF-8 scanner that knows 1-, 2- and
// 3-byte sequences but does not advance over the lead byte of a 4-byte one (0xF0 and up): an emoji
// or any other character outside the Basic Multilingual Plane makes it loop forever. Every seed
// example and bad-input probe is ASCII, so only fuzzing finds it.
import { pre_hook as goodPreHook } from "../bifrost-v2-good-as/index";

export * from "../bifrost-v2-good-as/all-but-pre-hook";

// Kept so the scan has an effect the optimiser must preserve.
let lastCharacterCount: i32 = 0;

export function pre_hook(ptr: usize, len: usize): u64 {
  let at: usize = 0;
  let characters: i32 = 0;
  while (at < len) {
    const lead = load<u8>(ptr + at);
    if (lead < 0x80) at += 1;
    else if (lead < 0xe0) at += 2;
    else if (lead < 0xf0) at += 3;
    characters++;
  }
  lastCharacterCount = characters;
  return goodPreHook(ptr, len);
}
