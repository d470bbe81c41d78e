/**
 * The dialect registry a config's `dialect` is checked against: it lists every variant detection
 * reports (so forcing one that detection could have found is never refused), and forcing replaces
 * only the axes named, with coded errors naming the valid axes and variants.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlugin } from '../../src/engine/load-plugin.js';
import { ConfigError } from '../../src/errors.js';
import { DIALECT_VARIANTS, forceDialect } from '../../src/profiles/dialect-variants.js';
import { PROFILES } from '../../src/profiles/registry.js';
import { PLUGINS_DIR, ROOT } from '../support/plugcheck-cli.js';

describe('DIALECT_VARIANTS', () => {
  it('lists every axis and variant detection reports for any bundled plugin under any profile', async () => {
    const dir = join(ROOT, PLUGINS_DIR);
    const names = (await readdir(dir)).filter((n) => !n.endsWith('.json') && !n.startsWith('.'));
    let seen = 0;
    for (const name of names) {
      const plugin = await loadPlugin(join(dir, name)).catch(() => undefined);
      if (plugin === undefined) continue;
      for (const profile of PROFILES) {
        const dialect = profile.detectDialect(plugin.module, plugin.manifest);
        const axes = DIALECT_VARIANTS[profile.id];
        expect(Object.keys(dialect).sort(), `${name} as ${profile.id}`).toEqual(Object.keys(axes).sort());
        for (const [axis, variant] of Object.entries(dialect)) expect(axes[axis], `${name} as ${profile.id}: ${axis}`).toContain(variant);
        seen++;
      }
    }
    // Every profile over the whole bundled set, not a handful.
    expect(seen).toBeGreaterThan(PROFILES.length * 50);
  });
});

describe('forceDialect', () => {
  const detected = { allocator: 'malloc', free: 'free(ptr)', http: 'http_pre_hook' };

  it('keeps the detected dialect when nothing is forced, and replaces only the axes named', () => {
    expect(forceDialect('bifrost-v2', detected, undefined)).toBe(detected);
    expect(forceDialect('bifrost-v2', detected, { free: 'free(ptr,size)' })).toEqual({ allocator: 'malloc', free: 'free(ptr,size)', http: 'http_pre_hook' });
  });

  it('refuses an axis the profile does not have, naming its axes', () => {
    const thrown = (() => {
      try {
        forceDialect('bifrost-v2', detected, { wasi: 'preview1' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toMatchObject({ code: 'PLUGCHECK_BAD_CONFIG', message: '"dialect" names axis wasi, which profile bifrost-v2 does not have', expected: 'dialect axes of bifrost-v2: allocator, free, http' });
  });

  it('refuses a variant the axis does not have, naming the valid ones and the detected one', () => {
    expect(() => forceDialect('bifrost-v2', detected, { free: 'free(size)' })).toThrow(
      expect.objectContaining({
        code: 'PLUGCHECK_BAD_CONFIG',
        message: '"dialect" sets free to free(size), which is no free variant of profile bifrost-v2',
        expected: 'free of bifrost-v2: free(ptr), free(ptr,size), none',
        fix: expect.stringContaining('(detected: free(ptr))'),
      }),
    );
  });
});
