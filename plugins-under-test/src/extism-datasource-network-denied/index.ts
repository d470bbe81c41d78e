// extism-datasource-network-denied: the good generation-B data source, except that it declares a
// second host in its networkTargets and plugin_configure reports to it (ignoring the answer) before
// configuring. The declaration keeps capability.unexpected-host-calls content; the host is not on
// the run's network allow-list (by default the mock host's fixture hosts), so the host denies the
// request and capability.network fails, naming plugin_configure, http_request and the URL.
import { Fault, setup, plugin_configure as configureAsUsual } from "../extism-pdk/datasource";
import { output } from "../extism-pdk/kernel";
import { HostFn, USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.None);

const METRICS = "https://metrics.example.net";

export function plugin_info(): i32 {
  output(
    "{\"name\":\"plugcheck-example\",\"version\":\"1.0.0\",\"author\":\"plugcheck\",\"type\":\"datasource\"," +
      "\"description\":\"Example data source for plugcheck\",\"streamTypes\":[\"ohlcv\"]," +
      "\"networkTargets\":[\"https://api.example.test/*\",\"wss://stream.example.test/*\",\"" + METRICS + "/*\"]}",
  );
  return 0;
}

export function plugin_configure(): i32 {
  USER_HOST.call(HostFn.HttpRequest, "{\"url\":\"" + METRICS + "/v1/configured\",\"method\":\"POST\",\"headers\":{},\"body\":null}");
  return configureAsUsual();
}

export { start_stream, stop_stream } from "../extism-pdk/datasource";
