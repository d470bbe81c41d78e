// limits-extism-fuel-hog: the good generation-B data source (extism-datasource-good) whose
// plugin_configure first spins 150 million loop iterations (a few tenths of a second in V8): past
// the 1e9 instructions plugcheck gives each call of an Extism plugin (Extism meters only when the
// host asks; profiles/effective-limits.ts), so limits.fuel fails.
import { Fault, setup, plugin_configure as configureAsUsual } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.None);

let sink: u32 = 0;

export function plugin_configure(): i32 {
  let acc: u32 = sink;
  for (let i: u32 = 0; i < 150_000_000; i++) acc = acc * 31 + i;
  sink = acc;
  return configureAsUsual();
}

export { plugin_info, start_stream, stop_stream } from "../extism-pdk/datasource";
