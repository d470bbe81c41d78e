// extism-datasource-rc-contradicts: stop_stream answers {success:true} but returns rc 1; the code
// and the output disagree, so semantics.rc-error-output fails.
import { Fault, setup } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.RcContradicts);

export { plugin_info, plugin_configure, start_stream, stop_stream } from "../extism-pdk/datasource";
