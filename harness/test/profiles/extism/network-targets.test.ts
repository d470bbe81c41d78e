/**
 * Network targets: URL patterns with wildcards, bare host names, and both metadata generations.
 */
import { describe, expect, it } from 'vitest';
import { declaredTargets, withinTargets } from '../../../src/profiles/extism/network-targets.js';

describe('withinTargets', () => {
  const targets = ['https://api.woox.io/*', 'wss://wss.woox.io/*', '*.example.com'];

  it('matches URLs under a declared pattern, and the bare origin of a /* pattern', () => {
    expect(withinTargets('https://api.woox.io/v1/public/info', targets)).toBe(true);
    expect(withinTargets('https://api.woox.io', targets)).toBe(true);
    expect(withinTargets('wss://wss.woox.io/v3/public', targets)).toBe(true);
    expect(withinTargets('https://eu.example.com/x', targets)).toBe(true);
  });

  it('refuses another scheme, host or a lookalike', () => {
    expect(withinTargets('http://api.woox.io/v1', targets)).toBe(false);
    expect(withinTargets('https://api.woox.io.evil.test/v1', targets)).toBe(false);
    expect(withinTargets('https://telemetry.example.invalid/', targets)).toBe(false);
    expect(withinTargets('not a url', targets)).toBe(false);
    expect(withinTargets('https://api.woox.io/v1', [])).toBe(false);
  });
});

describe('declaredTargets', () => {
  it('reads plugin_info networkTargets and meta resources.allowedNetworkTargets', () => {
    expect(declaredTargets({ networkTargets: ['https://a.test/*', 3] })).toEqual(['https://a.test/*']);
    expect(declaredTargets({ resources: { allowedNetworkTargets: [{ pattern: 'wss://b.test/*' }, { nope: 1 }] } })).toEqual(['wss://b.test/*']);
    expect(declaredTargets({ resources: null })).toEqual([]);
  });
});
