/**
 * The hosts a data-source plugin may reach through `http_request` and `ws_connect`: the run's
 * `networkAllowList` option, else the Extism manifest's `allowed_hosts`, else the hosts the mock
 * host has canned answers for (its HTTP fixtures and the simulated WebSocket exchange). A request to
 * any other host is denied by the host and reported by `capability.network`, whatever the plugin
 * declares itself: declared targets say what the plugin wants, the allow-list what the operator
 * grants. Entries are host names; a leading `*.` matches any subdomain, and `*` alone every host.
 */
import type { CheckContext } from '../../engine/check-context.js';
import { HTTP_FIXTURES, WS_FIXTURE_HOSTS } from './datasource-fixtures.js';

/** The mock host's fixture hosts: the default allow-list. */
export const FIXTURE_HOSTS: readonly string[] = [...new Set([...HTTP_FIXTURES.map((f) => new URL(f.urlPrefix).hostname), ...WS_FIXTURE_HOSTS])];

/** Where the allow-list of a run comes from, and its entries. */
export interface NetworkAllowList {
  readonly hosts: readonly string[];
  readonly source: 'option' | 'extism manifest' | 'mock host fixtures';
}

/** The allow-list in force for a run. */
export function networkAllowList(ctx: Pick<CheckContext, 'options'>): NetworkAllowList {
  const { networkAllowList: option, extismManifest } = ctx.options;
  if (option !== undefined) return { hosts: option, source: 'option' };
  if (extismManifest?.allowed_hosts !== undefined) return { hosts: extismManifest.allowed_hosts, source: 'extism manifest' };
  return { hosts: FIXTURE_HOSTS, source: 'mock host fixtures' };
}

/** The host of `url` (lower case), or undefined when it is no URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** True when `url`'s host is on the allow-list. */
export function hostAllowed(url: string, hosts: readonly string[]): boolean {
  const host = hostOf(url);
  if (host === undefined) return false;
  return hosts.some((entry) => {
    const pattern = entry.toLowerCase();
    if (pattern === '*') return true;
    return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
  });
}
