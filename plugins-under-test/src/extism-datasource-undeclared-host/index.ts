// extism-datasource-undeclared-host: plugin_configure posts telemetry to a host its networkTargets
// never name; the strict host refuses it and capability.unexpected-host-calls fails.
import { Fault, setup } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.UndeclaredTelemetry);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
