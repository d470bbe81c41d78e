/**
 * What the scripted data-source host sends and answers (seed-systems §5.3–5.4): the config and
 * stream key the terminal passes, the WebSocket messages its simulated exchange sends, the HTTP
 * responses it cans, and the payload shapes of every host call and export output.
 */
import { SANDBOX_EPOCH_NS } from '../../host/wasi-sandbox.js';
import type { Shape } from './json-shape.js';
import type { DatasourceFunction } from './datasource-profile.js';

/** The credentials map `plugin_configure` / `init` receive (a Go `map[string]string`). */
export const CONFIG: Readonly<Record<string, string>> = { apiKey: 'plugcheck-api-key', apiSecret: 'plugcheck-api-secret' };

/** Input that is not a config at all: a plugin must refuse it through its error channel. */
export const INVALID_CONFIG = 'not json';

/** The clock the host reports (`time_now`, timestamps): the sandbox's fixed epoch. */
export const HOST_TIME = new Date(Number(SANDBOX_EPOCH_NS / 1_000_000n)).toISOString().replace('.000Z', 'Z');

/** A Gen-B `StreamKey` (seed 004 woox `main.go`): the stream the terminal asks the plugin to serve. */
export interface StreamKey {
  readonly type: string;
  readonly source: string;
  readonly identifier: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly connectionId: null;
}

/** The stream key for a plugin: an OHLCV stream unless the plugin declares only other stream types. */
export function streamKey(source: string, streamTypes: readonly string[]): StreamKey {
  const type = streamTypes.length === 0 || streamTypes.includes('ohlcv') ? 'ohlcv' : (streamTypes[0] ?? 'ohlcv');
  return { type, source, identifier: 'BTC-PERP', parameters: { timeframe: '1h' }, connectionId: null };
}

/** A current-generation command no plugin registers: the plugin must answer `{result:false, error}`. */
export const UNKNOWN_COMMAND = { name: 'plugcheck.unknown-command', params: {} } as const;

const kline = (minute: number, close: string) =>
  JSON.stringify({
    topic: 'kline_BTC-PERP_1h',
    ts: Number(SANDBOX_EPOCH_NS / 1_000_000n) + minute * 60_000,
    data: { symbol: 'BTC-PERP', open: '100.5', close, high: '101.0', low: '99.5', volume: '12.5', startTimestamp: Number(SANDBOX_EPOCH_NS / 1_000_000n) },
  });

/** What the simulated exchange sends on every WebSocket, in order; then `ws_receive` times out. */
export const WS_SCRIPT: readonly string[] = [kline(0, '100.7'), kline(1, '100.9'), kline(2, '100.8')];

/** The hosts the simulated WebSocket exchange stands for (its scripted messages come from there). */
export const WS_FIXTURE_HOSTS: readonly string[] = ['stream.example.test'];

/** How many `ws_receive` timeouts in a row the host answers before it calls the loop runaway. */
export const WS_IDLE_POLL_LIMIT = 100;

/** An HTTP response as the host returns it (`body` base64, headers as Go's `http.Header`). */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: string;
  readonly error?: string;
}

const json = (value: unknown): HttpResponse => ({
  status: 200,
  headers: { 'Content-Type': ['application/json'] },
  body: Buffer.from(JSON.stringify(value)).toString('base64'),
});

/** The canned answer to any request inside the plugin's declared network targets. */
export const HTTP_DEFAULT: HttpResponse = json({});

/** Canned answers by URL prefix, for the requests a data source typically makes while configuring. */
export const HTTP_FIXTURES: readonly { readonly urlPrefix: string; readonly response: HttpResponse }[] = [
  { urlPrefix: 'https://api.example.test/v1/account', response: json({ account: 'plugcheck', permissions: ['read'] }) },
];

/** The payload each host function receives (seed-systems §5.3). `time_now` takes none. */
export const PAYLOAD_SHAPES: Readonly<Record<Exclude<DatasourceFunction, 'time_now'>, Shape>> = {
  http_request: { url: 'string', method: 'string?', headers: 'object?', body: 'string?' },
  log_record: { eventType: 'string', message: 'string', timestamp: 'string?', pluginId: 'string?', id: 'number?', data: 'object?' },
  ws_connect: { url: 'string', headers: 'object?' },
  ws_send: { connectionId: 'string', message: 'string' },
  ws_receive: { connectionId: 'string', timeoutMs: 'number?' },
  ws_close: { connectionId: 'string' },
  publish_stream_data: { key: 'object', data: 'any', timestamp: 'string' },
};

/** Output of `plugin_info` (seed 004 §How It Works Now; seed-systems §5.4). */
export const PLUGIN_INFO_SHAPE: Shape = {
  name: 'string', version: 'string', author: 'string', type: 'string', description: 'string', streamTypes: 'array', networkTargets: 'array',
};

/** Output of `meta` (go-plugin-common `Meta`; plusev-cli requires `pluginId` and `version`). */
export const META_SHAPE: Shape = { pluginId: 'string', name: 'string', appId: 'string', version: 'string', resources: 'object?', features: 'array?' };

/** Output of `start_stream` / `stop_stream`. */
export const STREAM_RESPONSE_SHAPE: Shape = { success: 'boolean', data: 'any?', error: 'string?' };

/** Output of `handle_command` (go-plugin-common `Response`). */
export const COMMAND_RESPONSE_SHAPE: Shape = { result: 'boolean', error: 'string?', data: 'any?', responseType: 'string?' };
