// extism-datasource-polls-forever: start_stream keeps polling ws_receive after the exchange goes
// quiet, as the seed's goroutine loop does; the real host blocks per poll and the call never
// returns, so the scripted host stops it and lifecycle.commands fails.
import { Fault, setup } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.PollsForever);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
