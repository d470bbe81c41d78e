// extism-datasource-current: a good current-generation data source (meta, init, handle_command,
// shutdown; go-plugin-common), the profile's second export dialect.
export { meta, init, handle_command, shutdown } from "../extism-pdk/current";
