// extism-pdk/current.ts: a current-generation PlusEV data source (go-plugin-common's plugin.go,
// seed-systems §5.2): meta describes it, init takes the config object (rc 1 when it is not one),
// handle_command routes a Command {name, params} and answers a Response {result, data?, error?}
// with rc 0 exactly when result is true; unknown commands get "unknown command: <name>".

import { HostFn, USER_HOST } from "./user-host";
import { load, output, readInput } from "./kernel";
import { isObject, quote, stringField } from "./json";

@external("extism:host/user", "time_now")
declare function time_now(unused: u64): u64;

const host = USER_HOST;
let configured = false;

export function meta(): i32 {
  output(
    "{\"pluginId\":\"plugcheck-example-current\",\"name\":\"plugcheck example (current)\",\"appId\":\"datasrc\"," +
      "\"category\":\"CexDataSource\",\"description\":\"Example current-generation data source\",\"author\":\"plugcheck\"," +
      "\"version\":\"1.0.0\",\"resources\":{\"allowedNetworkTargets\":[{\"pattern\":\"https://api.example.test/*\"}]}," +
      "\"features\":[\"getTimeframes\"]}",
  );
  return 0;
}

export function init(): i32 {
  const config = readInput();
  if (!isObject(config)) return 1;
  const now = load(time_now(0));
  host.call(HostFn.LogRecord, "{\"id\":0,\"pluginId\":\"plugcheck-example-current\",\"eventType\":\"info\",\"timestamp\":" + now + ",\"message\":\"initialised\"}");
  configured = true;
  return 0;
}

export function handle_command(): i32 {
  const command = readInput();
  const name = stringField(command, "name");
  if (!configured) {
    output("{\"result\":false,\"error\":\"not initialised\"}");
    return 1;
  }
  if (name == "getTimeframes") {
    output("{\"result\":true,\"data\":[\"1m\",\"1h\",\"1d\"]}");
    return 0;
  }
  output("{\"result\":false,\"error\":" + quote("unknown command: " + name) + "}");
  return 1;
}

export function shutdown(): i32 {
  configured = false;
  return 0;
}
