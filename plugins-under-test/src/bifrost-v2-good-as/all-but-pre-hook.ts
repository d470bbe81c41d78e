// Every export of bifrost-v2-good-as but pre_hook: for the faulty plugins that wrap only pre_hook
// (`export * from` this, then their own pre_hook). Shared source, not a plugin (no index.ts here).
export {
  malloc,
  free,
  get_name,
  init,
  cleanup,
  http_pre_hook,
  http_post_hook,
  http_stream_chunk_hook,
  post_hook,
} from "./index";
