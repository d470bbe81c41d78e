// extism-fuzz-input-trap: extism-good whose count_vowels first looks every input byte up in a
// 128-entry table of vowels, trapping (unreachable, as an out-of-range index would) on a byte above
// 0x7f: a plugin that assumed ASCII input. Nothing but fuzzing calls its exports (their input is the
// application's), so only fuzz.hostile-inputs finds it, with invalid UTF-8 or non-ASCII text.
import { greet, count_vowels as goodCountVowels } from "../extism-good/index";
import { input_length, input_load_u8 } from "../extism-pdk/kernel";

export { greet };

export function count_vowels(): i32 {
  const length = input_length();
  for (let i: u64 = 0; i < length; i++) {
    if (input_load_u8(i) > 0x7f) unreachable();
  }
  return goodCountVowels();
}
