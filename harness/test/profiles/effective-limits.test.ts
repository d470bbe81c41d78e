/**
 * The limits in force and where each comes from: the real host's figures, a run option, the Extism
 * manifest, or plugcheck's defaults where Extism sets none.
 */
import { describe, expect, it } from 'vitest';
import { defaultCallTimeoutMs, EXTISM_DEFAULT_LIMITS, effectiveLimits } from '../../src/profiles/effective-limits.js';
import { getProfile } from '../../src/profiles/registry.js';

describe('effectiveLimits', () => {
  it('takes the real hosts\' figures for midimon and FrankenTerm', () => {
    expect(effectiveLimits(getProfile('midimon'), {})).toEqual({
      memoryPages: { value: 2048, source: 'real host' },
      fuel: { value: 100_000_000, source: 'real host' },
      callTimeMs: { value: 5000, source: 'real host' },
    });
    expect(effectiveLimits(getProfile('frankenterm'), {})).toEqual({
      memoryPages: { value: 1024, source: 'real host' },
      fuel: { value: 1_000_000_000, source: 'real host' },
      callTimeMs: { value: 10_000, source: 'real host' },
    });
  });

  it('uses plugcheck\'s defaults for an Extism plugin whose manifest is silent, the manifest\'s figures otherwise', () => {
    for (const id of ['extism', 'extism-datasource']) {
      expect(effectiveLimits(getProfile(id), {})).toEqual({
        memoryPages: { value: EXTISM_DEFAULT_LIMITS.memoryPages, source: 'plugcheck default' },
        fuel: { value: EXTISM_DEFAULT_LIMITS.fuel, source: 'plugcheck default' },
        callTimeMs: { value: 5000, source: 'plugcheck default' },
      });
    }
    const manifest = { memory: { max_pages: 16 }, timeout_ms: 250 };
    expect(effectiveLimits(getProfile('extism'), { extismManifest: manifest })).toMatchObject({
      memoryPages: { value: 16, source: 'extism manifest' },
      callTimeMs: { value: 250, source: 'extism manifest' },
    });
    expect(defaultCallTimeoutMs(getProfile('extism-datasource'), { extismManifest: manifest })).toBe(250);
  });

  it('lets options win, and ignores an Extism manifest for other families', () => {
    const options = { memoryCapPages: 64, timeLimitMs: 20, extismManifest: { memory: { max_pages: 16 }, timeout_ms: 250 } };
    expect(effectiveLimits(getProfile('extism'), options)).toMatchObject({ memoryPages: { value: 64, source: 'option' }, callTimeMs: { value: 20, source: 'option' } });
    expect(effectiveLimits(getProfile('midimon'), { extismManifest: options.extismManifest })).toMatchObject({ memoryPages: { value: 2048, source: 'real host' } });
    expect(defaultCallTimeoutMs(getProfile('midimon'), { extismManifest: options.extismManifest })).toBe(5000);
    // Bifrost's host sets no memory cap and no fuel: nothing is capped.
    expect(effectiveLimits(getProfile('bifrost-v2'), {})).toMatchObject({ memoryPages: undefined, fuel: undefined });
  });
});
