// bifrost-v2-bench-fast: bifrost-v2-good-as exactly, under its own name, as the fast half of the
// benchmark pair (harness/test/bench/): `plugcheck bench` must rank it ahead of
// bifrost-v2-bench-slow, which answers every input with the same bytes, and an A/B run of it
// against bifrost-v2-good-as (the same code in another file) must find no difference.
export {
  malloc,
  free,
  get_name,
  init,
  cleanup,
  http_pre_hook,
  http_post_hook,
  http_stream_chunk_hook,
  pre_hook,
  post_hook,
} from "../bifrost-v2-good-as/index";
