// extism-datasource-unknown-import: the good data source, except that plugin_configure first asks
// the host for a secret through extism:host/user.get_secret, which no data-source host provides.
// abi.imports-provided reports it; the metadata call still succeeds, because the real host (and
// plugcheck) stubs every import for it (spec-decisions "extism-datasource").
import { Fault, plugin_configure as configure, setup } from "../extism-pdk/datasource";
import { load, store } from "../extism-pdk/kernel";
import { USER_HOST } from "../extism-pdk/user-host";

@external("extism:host/user", "get_secret")
declare function get_secret(name: u64): u64;

setup(USER_HOST, Fault.None);

export function plugin_configure(): i32 {
  load(get_secret(store("apiSecret")));
  return configure();
}

export { plugin_info, start_stream, stop_stream } from "../extism-pdk/datasource";
