// extism-datasource-schema-export-output: a data source whose stream failures answer
// {"success":false} with rc 1 but no `error`, so the terminal cannot say why the stream failed
// (seed-systems §5.4: {success:false,error}); the code and the flag agree, so only
// schema.export-outputs fails.
import { Fault, setup } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.FailsWithoutError);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
