// extism-datasource-leaks-connection: stop_stream answers success but never closes its WebSocket
// (no ws_close), so lifecycle.commands fails.
import { Fault, setup } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.LeaksConnection);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
