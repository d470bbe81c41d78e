// extism-pdk/user-host.ts: the data-source host functions imported from extism:host/user, the
// namespace of the seed's own code and of Extism's SDKs (seed-systems §5.2).

import { Host, HostFn } from "./host";

export { HostFn };

@external("extism:host/user", "http_request") declare function http_request(offset: u64): u64;
@external("extism:host/user", "log_record") declare function log_record(offset: u64): u64;
@external("extism:host/user", "ws_connect") declare function ws_connect(offset: u64): u64;
@external("extism:host/user", "ws_send") declare function ws_send(offset: u64): u64;
@external("extism:host/user", "ws_receive") declare function ws_receive(offset: u64): u64;
@external("extism:host/user", "ws_close") declare function ws_close(offset: u64): u64;
@external("extism:host/user", "publish_stream_data") declare function publish_stream_data(offset: u64): u64;

/** The host functions under extism:host/user, in HostFn order. */
export const USER_HOST = new Host([http_request, log_record, ws_connect, ws_send, ws_receive, ws_close, publish_stream_data]);
