// extism-pdk/datasource.ts: a generation-B PlusEV data source (seed 004's generic interface), written
// the way the seed's woox plugin works: plugin_info describes it, plugin_configure takes a
// credentials map and checks it against the exchange over http_request, start_stream opens a
// WebSocket, subscribes, publishes every message it receives until ws_receive times out, and
// stop_stream closes the connection. Failures follow spec-decisions "extism-datasource":
// plugin_configure calls error_set and returns 1; start/stop answer {success:false,error} with rc 1.
//
// Each extism-datasource-* plugin calls setup() with its host namespace and, for the faulty ones, the
// one defect it is built to show.

import { Host, HostFn } from "./host";
import { output, readInput, setError } from "./kernel";
import { field, isObject, isTrue, quote, stringField } from "./json";

export enum Fault {
  None,
  /** plugin_info says type "indicator". */
  BadMetadata,
  /** plugin_configure refuses valid credentials. */
  ConfigureRefuses,
  /** stop_stream answers success:true with rc 1. */
  RcContradicts,
  /** plugin_configure reports telemetry to a host it never declared. */
  UndeclaredTelemetry,
  /** stop_stream forgets to close the connection. */
  LeaksConnection,
  /** start_stream keeps polling ws_receive after it times out, as the seed's goroutine loop does. */
  PollsForever,
  /** log_record says eventType "notice", which is no PluginLogRecord level (schema.host-calls). */
  LogLevelNotice,
  /** start_stream / stop_stream fail with {success:false} and no error (schema.export-outputs). */
  FailsWithoutError,
}

const NAME = "plugcheck-example";
const API = "https://api.example.test";
const STREAM_URL = "wss://stream.example.test/v1/public";
const NOW = "2026-01-01T00:00:00Z";

let host: Host | null = null;
let fault = Fault.None;
const streams = new Map<string, string>();

/** Chooses the host namespace and the defect (Fault.None for a good plugin). */
export function setup(h: Host, f: Fault): void {
  host = h;
  fault = f;
}

function call(fn: HostFn, payload: string): string {
  return host!.call(fn, payload);
}

function log(message: string): void {
  const level = fault == Fault.LogLevelNotice ? "notice" : "info";
  call(HostFn.LogRecord, "{\"id\":0,\"pluginId\":" + quote(NAME) + ",\"eventType\":" + quote(level) + ",\"timestamp\":" + quote(NOW) + ",\"message\":" + quote(message) + "}");
}

function streamError(message: string): i32 {
  if (fault == Fault.FailsWithoutError) {
    output("{\"success\":false}");
    return 1;
  }
  output("{\"success\":false,\"error\":" + quote(message) + "}");
  return 1;
}

function streamId(key: string): string {
  return stringField(key, "type") + ":" + stringField(key, "source") + ":" + stringField(key, "identifier") + ":" + stringField(field(key, "parameters"), "timeframe");
}

export function plugin_info(): i32 {
  const type = fault == Fault.BadMetadata ? "indicator" : "datasource";
  output(
    "{\"name\":" + quote(NAME) + ",\"version\":\"1.0.0\",\"author\":\"plugcheck\",\"type\":" + quote(type) +
      ",\"description\":\"Example data source for plugcheck\",\"streamTypes\":[\"ohlcv\"]" +
      ",\"networkTargets\":[\"" + API + "/*\",\"wss://stream.example.test/*\"]}",
  );
  return 0;
}

export function plugin_configure(): i32 {
  const config = readInput();
  if (!isObject(config)) {
    setError("invalid config: expected a JSON object of credentials");
    return 1;
  }
  const apiKey = stringField(config, "apiKey");
  if (apiKey.length == 0) {
    setError("invalid config: apiKey is required");
    return 1;
  }
  if (fault == Fault.UndeclaredTelemetry) {
    call(HostFn.HttpRequest, "{\"url\":\"https://telemetry.example.invalid/collect\",\"method\":\"POST\",\"headers\":{},\"body\":null}");
  }
  const response = call(HostFn.HttpRequest, "{\"url\":\"" + API + "/v1/account\",\"method\":\"GET\",\"headers\":{\"X-API-KEY\":" + quote(apiKey) + "},\"body\":null}");
  if (fault == Fault.ConfigureRefuses || field(response, "status") != "200") {
    setError("the exchange rejected the credentials (status " + field(response, "status") + ")");
    return 1;
  }
  log("configured");
  output("configured");
  return 0;
}

export function start_stream(): i32 {
  const key = readInput();
  const type = stringField(key, "type");
  const symbol = stringField(key, "identifier");
  if (!isObject(key) || symbol.length == 0) return streamError("invalid stream key");
  if (type != "ohlcv") return streamError("unsupported stream type: " + type);
  let timeframe = stringField(field(key, "parameters"), "timeframe");
  if (timeframe.length == 0) timeframe = "1h";

  const connected = call(HostFn.WsConnect, "{\"url\":" + quote(STREAM_URL) + ",\"headers\":{}}");
  if (!isTrue(connected, "success")) return streamError("failed to connect: " + stringField(connected, "error"));
  const connection = stringField(connected, "connectionId");
  const channel = "kline_" + symbol + "_" + timeframe;
  const subscribe = "{\"id\":\"sub_" + channel + "\",\"cmd\":\"SUBSCRIBE\",\"params\":[\"" + channel + "\"]}";
  call(HostFn.WsSend, "{\"connectionId\":" + quote(connection) + ",\"message\":" + quote(subscribe) + "}");

  // Drain what the exchange has sent: the host answers timeout:true once nothing is pending.
  while (true) {
    const received = call(HostFn.WsReceive, "{\"connectionId\":" + quote(connection) + ",\"timeoutMs\":5000}");
    if (isTrue(received, "timeout") && fault == Fault.PollsForever) continue;
    if (!isTrue(received, "success") || isTrue(received, "timeout")) break;
    const message = stringField(received, "message");
    if (!isObject(message)) continue;
    call(HostFn.PublishStreamData, "{\"key\":" + key + ",\"data\":" + message + ",\"timestamp\":" + quote(NOW) + "}");
  }
  streams.set(streamId(key), connection);
  output("{\"success\":true,\"data\":{\"status\":\"started\",\"connectionId\":" + quote(connection) + ",\"channel\":" + quote(channel) + "}}");
  return 0;
}

export function stop_stream(): i32 {
  const id = streamId(readInput());
  if (!streams.has(id)) return streamError("stream not found");
  const connection = streams.get(id);
  streams.delete(id);
  if (fault != Fault.LeaksConnection) call(HostFn.WsClose, "{\"connectionId\":" + quote(connection) + "}");
  output("{\"success\":true,\"data\":{\"status\":\"stopped\"}}");
  return fault == Fault.RcContradicts ? 1 : 0;
}
