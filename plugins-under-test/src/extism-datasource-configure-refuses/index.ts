// extism-datasource-configure-refuses: plugin_configure refuses a valid credentials map (error_set,
// rc 1), so lifecycle.configure fails.
import { Fault, setup } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.ConfigureRefuses);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
