// extism-datasource-good: a good generation-B PlusEV data source (seed 004) importing its host
// functions from extism:host/user, as the seed's code and Extism's SDKs do.
import { Fault, setup } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.None);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
