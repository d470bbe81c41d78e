/**
 * The scripted data-source host, driven directly through a minimal call context: fixtures answer,
 * the WebSocket script plays out, and strict mode reports (and refuses) every unexpected call.
 */
import type { CallContext } from '@extism/extism';
import { describe, expect, it } from 'vitest';
import { HostFunctionError } from '../../../src/host/classify-trap.js';
import { HOST_TIME, streamKey, WS_IDLE_POLL_LIMIT, WS_SCRIPT } from '../../../src/profiles/extism/datasource-fixtures.js';
import { DatasourceHost } from '../../../src/profiles/extism/datasource-host.js';

/** Kernel blocks as the runtime keeps them: an address per stored document. */
function fakeContext(): { context: CallContext; put: (text: string) => bigint; get: (address: bigint) => unknown } {
  const blocks: Uint8Array[] = [new Uint8Array(1)];
  const store = (text: string) => {
    blocks.push(new TextEncoder().encode(text));
    return BigInt(blocks.length - 1) << 48n;
  };
  const context = {
    read: (address: bigint) => {
      const block = blocks[Number(address >> 48n)];
      return block === undefined ? null : { bytes: () => block };
    },
    store,
  } as unknown as CallContext;
  return { context, put: store, get: (address) => JSON.parse(new TextDecoder().decode(blocks[Number(address >> 48n)])) as unknown };
}

const TARGETS = ['https://api.example.test/*', 'wss://stream.example.test/*'];

function host(options: { strict?: boolean } = {}) {
  const h = new DatasourceHost({ networkTargets: TARGETS, ...options });
  const { context, put, get } = fakeContext();
  const fns = h.functions();
  const call = (fn: string, payload: unknown, namespace = 'extism:host/user') => {
    const impl = fns[namespace]?.[fn];
    if (impl === undefined) throw new Error(`no ${namespace}.${fn}`);
    const offset = typeof payload === 'bigint' ? payload : put(typeof payload === 'string' ? payload : JSON.stringify(payload));
    return get(impl(context, offset) as bigint);
  };
  return { h, call };
}

describe('DatasourceHost', () => {
  it('offers every data-source function under env and extism:host/user', () => {
    const fns = new DatasourceHost().functions();
    expect(Object.keys(fns).sort()).toEqual(['env', 'extism:host/user']);
    expect(Object.keys(fns['env'] ?? {})).toContain('publish_stream_data');
  });

  it('plays the WebSocket script, then times out, and records publishes', () => {
    const { h, call } = host();
    h.setDuring('start_stream');
    const connected = call('ws_connect', { url: 'wss://stream.example.test/v1', headers: {} }, 'env') as { connectionId: string };
    expect(connected).toEqual({ success: true, connectionId: 'conn-1' });
    const received = WS_SCRIPT.map(() => call('ws_receive', { connectionId: 'conn-1', timeoutMs: 5000 }));
    expect(received.map((r) => (r as { message: string }).message)).toEqual(WS_SCRIPT);
    expect(call('ws_receive', { connectionId: 'conn-1', timeoutMs: 5000 })).toEqual({ success: true, message: '', timeout: true });
    expect(call('publish_stream_data', { key: streamKey('woox', ['ohlcv']), data: { x: 1 }, timestamp: HOST_TIME })).toEqual({ success: true });
    expect(h.published).toHaveLength(1);
    h.setDuring('stop_stream');
    expect(call('ws_close', { connectionId: 'conn-1' })).toEqual({ success: true });
    expect(h.openConnections()).toEqual([]);
    expect(h.findings).toEqual([]);
  });

  it('answers declared HTTP targets from fixtures and refuses the others in strict mode', () => {
    const { h, call } = host();
    h.setDuring('plugin_configure');
    expect(call('http_request', { url: 'https://api.example.test/v1/account', method: 'GET' })).toMatchObject({ status: 200 });
    expect(call('http_request', { url: 'https://api.example.test/other', method: 'GET' })).toMatchObject({ status: 200 });
    expect(call('http_request', { url: 'https://elsewhere.test/x', method: 'GET' })).toMatchObject({ status: 0, error: expect.stringContaining('blocked') });
    expect(h.findings).toMatchObject([{ kind: 'unexpected', during: 'plugin_configure', import: 'extism:host/user.http_request' }]);
  });

  it('reports a call the running export has no reason to make, and a connection it never opened', () => {
    const { h, call } = host();
    h.setDuring('plugin_configure');
    call('ws_connect', { url: 'wss://stream.example.test/v1' });
    h.setDuring('stop_stream');
    expect(call('ws_send', { connectionId: 'conn-9', message: 'x' })).toMatchObject({ success: false });
    expect(h.findings.map((f) => f.problem)).toEqual([
      expect.stringContaining('`plugin_configure` called `ws_connect`'),
      expect.stringContaining('connection "conn-9", which ws_connect never returned'),
    ]);
  });

  it('validates every payload against its schema, answers it anyway, and names the path and namespace', () => {
    const { h, call } = host();
    h.setDuring('plugin_configure');
    expect(call('log_record', { eventType: 'notice', message: 'x' })).toEqual({ success: true });
    expect(h.findings).toMatchObject([
      { kind: 'schema', dialect: 'extism:host/user', schema: 'extism-datasource/log_record.input.schema.json', violations: [{ instancePath: '/eventType', keyword: 'enum' }] },
    ]);
  });

  it('reports malformed payloads, even when not strict', () => {
    const { h, call } = host({ strict: false });
    h.setDuring('start_stream');
    expect(call('ws_send', { message: 'no connection id' })).toMatchObject({ success: false });
    expect(call('log_record', 'not json')).toMatchObject({ success: false });
    expect(call('publish_stream_data', 0xdeadn << 48n)).toMatchObject({ success: false });
    expect(call('http_request', { url: 'https://elsewhere.test/' })).toMatchObject({ status: 200 });
    expect(h.findings.map((f) => f.kind)).toEqual(['malformed', 'malformed', 'malformed']);
    expect(h.findings[2]?.problem).toContain('no kernel block');
  });

  it('answers time_now with the sandbox clock, without reading a payload', () => {
    const { call } = host();
    expect(call('time_now', 0n)).toBe(HOST_TIME);
    expect(HOST_TIME).toBe('2026-01-01T00:00:00Z');
  });

  it('stops a receive loop that keeps polling after the script ended', () => {
    const { h, call } = host();
    h.setDuring('start_stream');
    call('ws_connect', { url: 'wss://stream.example.test/v1' });
    for (let i = 0; i < WS_SCRIPT.length + WS_IDLE_POLL_LIMIT - 1; i++) call('ws_receive', { connectionId: 'conn-1' });
    expect(() => call('ws_receive', { connectionId: 'conn-1' })).toThrow(HostFunctionError);
    expect(h.trace.total).toBe(1 + WS_SCRIPT.length + WS_IDLE_POLL_LIMIT);
  });
});
