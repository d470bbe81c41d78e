// extism-datasource-bad-metadata: plugin_info declares type "indicator"; the terminal only loads
// type "datasource", so lifecycle.metadata fails.
import { Fault, setup } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.BadMetadata);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
