// extism-pdk/env-host.ts: the data-source host functions imported from env, the namespace the
// seed's documents name ("Terminal registers in 'env'", seed 004 §2): a dialect plugcheck accepts.

import { Host } from "./host";

@external("env", "http_request") declare function http_request(offset: u64): u64;
@external("env", "log_record") declare function log_record(offset: u64): u64;
@external("env", "ws_connect") declare function ws_connect(offset: u64): u64;
@external("env", "ws_send") declare function ws_send(offset: u64): u64;
@external("env", "ws_receive") declare function ws_receive(offset: u64): u64;
@external("env", "ws_close") declare function ws_close(offset: u64): u64;
@external("env", "publish_stream_data") declare function publish_stream_data(offset: u64): u64;

/** The host functions under env, in HostFn order. */
export const ENV_HOST = new Host([http_request, log_record, ws_connect, ws_send, ws_receive, ws_close, publish_stream_data]);
