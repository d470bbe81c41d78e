// extism-datasource-schema-host-call: a data source that logs with eventType "notice", which is no
// PluginLogRecord level (info|error|warn|debug|custom, seed-systems §5.3); the host still answers
// the call, so only schema.host-calls fails.
import { Fault, setup } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.LogLevelNotice);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
