/**
 * capability.network: requests to hosts off the allow-list are denied by the data-source host and
 * reported with the export, the host call and the URL; the allow-list comes from the run option,
 * else the Extism manifest's allowed_hosts, else the mock host's fixture hosts.
 */
import { describe, expect, it } from 'vitest';
import networkCapability from '../../../src/checks/extism/network-capability.js';
import { FIXTURE_HOSTS, hostAllowed } from '../../../src/profiles/extism/network-allow-list.js';
import { evidenceOf, limitContext } from '../limits/limit-context.js';

const run = (plugin: string, options: Parameters<typeof limitContext>[2] = {}) => networkCapability.run(limitContext(plugin, 'extism-datasource', options));

describe('the network allow-list', () => {
  it('defaults to the mock host\'s fixture hosts', () => {
    expect(FIXTURE_HOSTS).toEqual(['api.example.test', 'stream.example.test']);
  });

  it('matches host names exactly, `*.` subdomains, and `*` everything', () => {
    expect(hostAllowed('https://api.example.test/v1/x', ['api.example.test'])).toBe(true);
    expect(hostAllowed('https://evil.api.example.test/', ['api.example.test'])).toBe(false);
    expect(hostAllowed('wss://a.b.example.net/', ['*.example.net'])).toBe(true);
    expect(hostAllowed('https://example.net/', ['*.example.net'])).toBe(false);
    expect(hostAllowed('https://anything.test/', ['*'])).toBe(true);
    expect(hostAllowed('not a url', ['*'])).toBe(false);
  });
});

describe('capability.network', () => {
  it('passes a plugin that reaches only fixture hosts', async () => {
    const outcome = await run('extism-datasource-good');
    expect(outcome.status).toBe('passed');
    expect(evidenceOf(outcome)).toMatchObject({ allowListSource: 'mock host fixtures', networkCalls: 2 });
  });

  it('denies and reports a host the plugin declared but the allow-list does not grant: hook, host call, URL', async () => {
    const outcome = await run('extism-datasource-network-denied');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`plugin_configure` called extism:host/user.http_request for https://metrics.example.net/v1/configured: denied');
    expect((evidenceOf(outcome)['denied'] as unknown[])[0]).toEqual({
      hook: 'plugin_configure',
      hostCall: 'extism:host/user.http_request',
      denied: 'https://metrics.example.net/v1/configured',
      problem: 'metrics.example.net is not on the network allow-list (api.example.test, stream.example.test)',
    });
  });

  it('allows the host when the run option or the Extism manifest grants it', async () => {
    const byOption = await run('extism-datasource-network-denied', { networkAllowList: [...FIXTURE_HOSTS, 'metrics.example.net'] });
    expect(byOption.status).toBe('passed');
    expect(evidenceOf(byOption)).toMatchObject({ allowListSource: 'option' });
    const byManifest = await run('extism-datasource-network-denied', { extismManifest: { allowed_hosts: ['*.example.test', '*.example.net'] } });
    expect(byManifest.status).toBe('passed');
    expect(evidenceOf(byManifest)).toMatchObject({ allowListSource: 'extism manifest' });
  });

  it('denies every host under an empty allow-list', async () => {
    const outcome = await run('extism-datasource-good', { networkAllowList: [] });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('api.example.test is not on the network allow-list (empty)');
  });
});
