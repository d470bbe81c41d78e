// bifrost-v2-gc-garbage-as: bifrost-v2-good-as built with the minimal runtime (asconfig.json, build.sh),
// whose GC runs only when the host calls the exported `__collect`, that makes garbage on every call,
// managed objects nothing keeps (marked GARBAGE), and leaks nothing: the garbage is the collector's.
// plugcheck calls `__collect` before each memory sample, so memory.leak-per-call must pass; without that
// collection the garbage is still on the heap when the sample is taken, and the host's blocks are pushed
// up past it.
import * as good from "../bifrost-v2-good-as/index";

export { malloc, free, get_name, init, cleanup } from "../bifrost-v2-good-as/index";

let garbageSeen: i32 = 0;

/** The input decoded into managed strings and arrays that nothing keeps: a few KiB for the GC per call. */
function makeGarbage(ptr: usize, len: usize): void {
  if (len == 0 || <u64>ptr + <u64>len > (<u64>memory.size() << 16)) return;
  const text = String.UTF8.decodeUnsafe(ptr, len);
  const parts = text.split(",");
  let joined = "";
  for (let i = 0; i < parts.length; i++) joined += parts[i];
  garbageSeen += joined.length; // keeps the work from being optimised away; the objects themselves are dropped
}

// GARBAGE: made before the good hook allocates its answer, so it sits where the last answer was.
export function http_pre_hook(ptr: usize, len: usize): u64 {
  makeGarbage(ptr, len);
  return good.http_pre_hook(ptr, len);
}

export function http_post_hook(ptr: usize, len: usize): u64 {
  makeGarbage(ptr, len);
  return good.http_post_hook(ptr, len);
}

export function http_stream_chunk_hook(ptr: usize, len: usize): u64 {
  makeGarbage(ptr, len);
  return good.http_stream_chunk_hook(ptr, len);
}

export function pre_hook(ptr: usize, len: usize): u64 {
  makeGarbage(ptr, len);
  return good.pre_hook(ptr, len);
}

export function post_hook(ptr: usize, len: usize): u64 {
  makeGarbage(ptr, len);
  return good.post_hook(ptr, len);
}
