// bifrost-v2-bench-slow: the slow half of the benchmark pair. Every hook answers exactly what
// bifrost-v2-good-as (and bifrost-v2-bench-fast) answers, but first copies its input into a fresh
// block and re-validates the copy REPEAT times, building and dropping the answer each time: the
// wasteful plugin an author would want `plugcheck bench --baseline` to catch. It stays correct (no
// leak: every block is freed; no state survives a repetition), so it passes every check.
import {
  http_pre_hook as goodHttpPreHook,
  http_post_hook as goodHttpPostHook,
  http_stream_chunk_hook as goodHttpStreamChunkHook,
  pre_hook as goodPreHook,
  post_hook as goodPostHook,
} from "../bifrost-v2-good-as/index";

export { malloc, free, get_name, init, cleanup } from "../bifrost-v2-good-as/index";

/** How many times the input is copied and re-validated before the real answer (the slowdown factor, roughly). */
const REPEAT = 20;

function wasteful(hook: (ptr: usize, len: usize) => u64, ptr: usize, len: usize): u64 {
  if (len > 0 && <u64>ptr + <u64>len <= (<u64>memory.size() << 16)) {
    for (let i = 0; i < REPEAT; i++) {
      const copy = heap.alloc(len);
      memory.copy(copy, ptr, len);
      const answer = hook(copy, len);
      const answerPtr = <usize>(answer >> 32);
      if (answerPtr != 0) heap.free(answerPtr);
      heap.free(copy);
    }
  }
  return hook(ptr, len);
}

export function http_pre_hook(ptr: usize, len: usize): u64 {
  return wasteful(goodHttpPreHook, ptr, len);
}

export function http_post_hook(ptr: usize, len: usize): u64 {
  return wasteful(goodHttpPostHook, ptr, len);
}

export function http_stream_chunk_hook(ptr: usize, len: usize): u64 {
  return wasteful(goodHttpStreamChunkHook, ptr, len);
}

export function pre_hook(ptr: usize, len: usize): u64 {
  return wasteful(goodPreHook, ptr, len);
}

export function post_hook(ptr: usize, len: usize): u64 {
  return wasteful(goodPostHook, ptr, len);
}
