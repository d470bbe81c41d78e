// extism-good: a good Extism plugin for no application in particular, built with the kernel imports
// declared by hand. greet and count_vowels read their input through the kernel and answer through
// output_set; empty input is refused with error_set and rc 1. greet asks the application for a
// title through its own host function extism:host/user.lookup_title, which plugcheck cannot know:
// it is accepted, stubbed (it answers offset 0, "no title") and reported.
import { load, output, readInput, setError, store } from "../extism-pdk/kernel";
import { quote } from "../extism-pdk/json";

@external("extism:host/user", "lookup_title")
declare function lookup_title(name: u64): u64;

export function greet(): i32 {
  const name = readInput();
  if (name.length == 0) {
    setError("greet needs a name as its input");
    return 1;
  }
  const title = load(lookup_title(store(name)));
  output("Hello, " + (title.length > 0 ? title + " " : "") + name + "!");
  return 0;
}

export function count_vowels(): i32 {
  const text = readInput();
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if ("aeiouAEIOU".indexOf(text.charAt(i)) >= 0) count++;
  }
  output("{\"count\":" + count.toString() + ",\"input\":" + quote(text) + "}");
  return 0;
}
