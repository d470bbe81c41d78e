// extism-fuzz-rare-hang: extism-good whose count_vowels scans its input for the end of an ASCII run
// and never leaves the loop at a byte above 0x7f (its index only advances over ASCII): a plugin that
// assumed ASCII input hangs instead of trapping. Nothing but fuzzing calls its exports, so only
// fuzz.hostile-inputs finds it; the watchdog cuts the call off and the hanging input is shrunk.
import { greet, count_vowels as goodCountVowels } from "../extism-good/index";
import { input_length, input_load_u8 } from "../extism-pdk/kernel";

export { greet };

export function count_vowels(): i32 {
  const length = input_length();
  let i: u64 = 0;
  while (i < length) {
    if (input_load_u8(i) <= 0x7f) i++;
  }
  return goodCountVowels();
}
