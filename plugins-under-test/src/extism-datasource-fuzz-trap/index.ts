// extism-datasource-fuzz-trap: extism-datasource-good whose start_stream first scans the stream key
// for a byte above 0x7f and traps (unreachable) on one: a plugin that assumed ASCII symbols. The
// run's own stream key is ASCII, so only fuzzing finds it: a schema-valid key with non-ASCII text
// (fuzz.valid-inputs) and invalid UTF-8 or a byte-order mark (fuzz.hostile-inputs).
import { Fault, setup, start_stream as goodStartStream } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";
import { input_length, input_load_u8 } from "../extism-pdk/kernel";

setup(USER_HOST, Fault.None);

export { plugin_info, plugin_configure, stop_stream } from "../extism-pdk/datasource";

export function start_stream(): i32 {
  const length = input_length();
  for (let i: u64 = 0; i < length; i++) {
    if (input_load_u8(i) > 0x7f) unreachable();
  }
  return goodStartStream();
}
