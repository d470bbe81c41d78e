// defect: every hook call allocates a 1 KiB scratch block and never frees it; trips memory.leak-per-call
// bifrost-v2-memory-leak-block: bifrost-v2-good-as with exactly the one defect above (marked DEFECT).
// The allocator is the good one (TLSF heap.alloc/heap.free), so freed blocks are reused and the heap
// grows by the leaked block (plus TLSF's few bytes of header) per call.
import * as good from "../bifrost-v2-good-as/index";

export { malloc, free, get_name, init, cleanup } from "../bifrost-v2-good-as/index";

/** Bytes leaked per hook call. */
const LEAKED_BYTES: usize = 1024;

function leak(): void {
  heap.alloc(LEAKED_BYTES); // DEFECT: a scratch block nobody frees
}

export function http_pre_hook(ptr: usize, len: usize): u64 {
  leak();
  return good.http_pre_hook(ptr, len);
}

export function http_post_hook(ptr: usize, len: usize): u64 {
  leak();
  return good.http_post_hook(ptr, len);
}

export function http_stream_chunk_hook(ptr: usize, len: usize): u64 {
  leak();
  return good.http_stream_chunk_hook(ptr, len);
}

export function pre_hook(ptr: usize, len: usize): u64 {
  leak();
  return good.pre_hook(ptr, len);
}

export function post_hook(ptr: usize, len: usize): u64 {
  leak();
  return good.post_hook(ptr, len);
}
