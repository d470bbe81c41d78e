/**
 * `capability.unexpected-host-calls`: host calls outside what the running export needs, outside
 * the declared network targets, or made during the stubbed metadata call.
 */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/extism/unexpected-host-calls.js';
import { datasourceContext, GOOD } from './wat-datasource.js';

const CONFIGURE = GOOD['plugin_configure'] ?? { rc: 0 };

describe('capability.unexpected-host-calls', () => {
  it('passes calls each export needs, inside the declared targets', async () => {
    const outcome = await check.run(
      datasourceContext({ plugin_configure: { ...CONFIGURE, hostCalls: [{ fn: 'http_request', payload: { url: 'https://api.example.test/v1/account', method: 'GET' } }] } }),
    );
    expect(outcome).toMatchObject({ status: 'passed', message: expect.stringMatching(/^\d+ host calls/) });
  });

  it('fails a request to an undeclared host and a WebSocket opened while configuring', async () => {
    const outcome = await check.run(
      datasourceContext({
        plugin_configure: {
          ...CONFIGURE,
          hostCalls: [
            { fn: 'http_request', payload: { url: 'https://tracker.example.invalid/', method: 'POST' } },
            { fn: 'ws_connect', payload: { url: 'https://api.example.test/ws' } },
          ],
        },
      }),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('https://tracker.example.invalid/ is outside the network targets');
    expect(outcome.message).toContain('`plugin_configure` called `ws_connect`');
  });

  it('fails a host call made during the stubbed metadata call', async () => {
    const info = GOOD['plugin_info'] ?? { rc: 0 };
    const outcome = await check.run(datasourceContext({ plugin_info: { ...info, hostCalls: [{ fn: 'http_request', payload: { url: 'https://api.example.test/' } }] } }));
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('during the metadata call') });
  });
});
