// extism-datasource-env: the good data source with its host functions imported from env, the
// namespace the seed's documents name (a dialect).
import { Fault, setup } from "../extism-pdk/datasource";
import { ENV_HOST } from "../extism-pdk/env-host";

setup(ENV_HOST, Fault.None);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
