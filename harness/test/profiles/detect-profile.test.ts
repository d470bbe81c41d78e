import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPluginsDir } from '../../src/config/bundled-plugins.js';
import { resolvePluginPath } from '../../src/engine/load-plugin.js';
import { describeNearMiss, detectProfile, MATCH_THRESHOLD, scoreProfile } from '../../src/profiles/detect-profile.js';
import type { Detection, ProfileScore } from '../../src/profiles/detect-profile.js';
import { bifrostV1 } from '../../src/profiles/bifrost-v1/index.js';
import { bifrostV2 } from '../../src/profiles/bifrost-v2/index.js';
import { PROFILES } from '../../src/profiles/registry.js';
import { inspectModule } from '../../src/wasm/index.js';
import { compileWat } from '../support/wat.js';

const detect = (source: string): Detection => detectProfile(compileWat(source).info);

function candidate(detection: Detection, profile: ProfileScore['profile']): ProfileScore {
  const found = detection.candidates.find((c) => c.profile === profile);
  if (found === undefined) throw new Error(`no candidate ${profile}`);
  return found;
}

/** A module body exporting the named functions with the given signatures (bodies just trap). */
function exportsModule(functions: Record<string, string>, memory = true): string {
  const funcs = Object.entries(functions).map(([name, sig]) => `(func (export "${name}") ${sig} unreachable)`);
  return `(module ${memory ? '(memory (export "memory") 1)' : ''} ${funcs.join('\n')})`;
}

const ALLOC_V2 = {
  malloc: '(param i32) (result i32)',
  free: '(param i32)',
  get_name: '(result i64)',
  cleanup: '(result i32)',
};

describe('detectProfile on the bundled plugins', () => {
  const dir = bundledPluginsDir();
  const expectations = readdirSync(dir).filter((f) => f.endsWith('.expect.json')).sort();

  it('finds expectation files to check', () => {
    expect(expectations.length).toBeGreaterThan(5);
  });

  for (const file of expectations) {
    const name = file.slice(0, -'.expect.json'.length);
    it(`detects ${name} as its expected profile and dialect`, async () => {
      const expected = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { plugin: string; profile: string; dialect: Record<string, string> };
      // The plugin may be a manifest or a directory holding one (FrankenTerm): detection reads both.
      const { wasm, manifest } = await resolvePluginPath(join(dir, expected.plugin));
      expect(existsSync(wasm), `${wasm} is missing; run \`npm run build\``).toBe(true);
      const detection = detectProfile(inspectModule(new Uint8Array(readFileSync(wasm))), manifest);
      expect(detection.kind).toBe('matched');
      if (detection.kind !== 'matched') return;
      expect(detection.best.profile).toBe(expected.profile);
      expect(detection.best.dialect).toEqual(expected.dialect);
      expect(detection.best).toBe(detection.candidates[0]);
    });
  }
});

describe('detectProfile on modules that are not plugins', () => {
  it('a module exporting only `add` matches nothing and has no nearest profile', () => {
    const detection = detect(exportsModule({ add: '(param i32 i32) (result i32)' }, false));
    expect(detection.kind).toBe('none');
    if (detection.kind === 'none') expect(detection.nearest).toBeUndefined();
    expect(detection.candidates.map((c) => c.score)).toEqual(PROFILES.map(() => 0));
    expect(detection.candidates).toHaveLength(PROFILES.length);
  });

  it('plugin_malloc + get_name without hooks is a near miss whose description names the hooks', () => {
    const detection = detect(exportsModule({ plugin_malloc: '(param i32) (result i32)', get_name: '(result i64)' }, false));
    expect(detection.kind).toBe('none');
    if (detection.kind !== 'none') return;
    const nearest = detection.nearest;
    expect(nearest).toBeDefined();
    if (nearest === undefined) return;
    expect(['bifrost-v1', 'bifrost-v2']).toContain(nearest.profile);
    expect(nearest.entryPoints).toEqual([]);
    expect(nearest.missing).toContain('at least one hook');
    const text = describeNearMiss(nearest);
    expect(text).toMatch(/hook/);
    expect(text).toContain('`plugin_malloc`');
    expect(text).toContain('`get_name`');
    expect(text).toMatch(/cleanup/);
  });

  it('a hook alone scores below the threshold and is not a match', () => {
    const detection = detect(exportsModule({ http_pre_hook: '(param i32 i32) (result i64)' }));
    expect(detection.kind).toBe('none');
    if (detection.kind !== 'none') return;
    expect(detection.nearest?.profile).toBe('bifrost-v2');
    expect(detection.nearest?.score).toBeLessThan(MATCH_THRESHOLD);
    expect(detection.nearest?.entryPoints).toEqual(['http_pre_hook']);
  });

  it('every export of a profile without any hook is still not a match', () => {
    const detection = detect(exportsModule({ ...ALLOC_V2, init: '(param i32 i32) (result i32)' }));
    expect(detection.kind).toBe('none');
    expect(detection.kind === 'none' && detection.nearest !== undefined && detection.nearest.score >= MATCH_THRESHOLD).toBe(true);
  });
});

describe('scoring bifrost-v1 against bifrost-v2', () => {
  const V1 = exportsModule({
    plugin_malloc: '(param i32) (result i32)',
    plugin_free: '(param i32)',
    get_name: '(result i64)',
    cleanup: '(result i32)',
    pre_hook: '(param i32 i32 i32 i32) (result i64)',
  });

  it('a 4-argument pre_hook scores higher for bifrost-v1 than for bifrost-v2', () => {
    const detection = detect(V1);
    const v1 = candidate(detection, 'bifrost-v1');
    const v2 = candidate(detection, 'bifrost-v2');
    expect(v1.score).toBe(1);
    expect(v1.score).toBeGreaterThan(v2.score);
    expect(detection.kind).toBe('matched');
    if (detection.kind === 'matched') expect(detection.best.profile).toBe('bifrost-v1');
  });

  it('bifrost-v2 sees the 4-argument pre_hook as mistyped and says what it expected', () => {
    const v2 = candidate(detect(V1), 'bifrost-v2');
    expect(v2.mistyped).toEqual([{ name: 'pre_hook', expected: ['(i32, i32) -> i64'], received: '(i32, i32, i32, i32) -> i64' }]);
    expect(describeNearMiss(v2)).toContain('`pre_hook` is (i32, i32, i32, i32) -> i64, expected (i32, i32) -> i64');
  });

  it('a 2-argument pre_hook goes the other way', () => {
    const detection = detect(exportsModule({ ...ALLOC_V2, pre_hook: '(param i32 i32) (result i64)' }));
    expect(candidate(detection, 'bifrost-v2').score).toBeGreaterThan(candidate(detection, 'bifrost-v1').score);
    expect(detection.kind === 'matched' && detection.best.profile).toBe('bifrost-v2');
  });
});

describe('scoreProfile details', () => {
  it('counts a right name with a wrong signature as half', () => {
    const info = compileWat(exportsModule({ ...ALLOC_V2, http_pre_hook: '(param i32) (result i64)' })).info;
    const score = scoreProfile(bifrostV2, info);
    // malloc, free, get_name, cleanup matched (memory is listed but tells nothing: every profile has
    // it); http_pre_hook mistyped; nothing missing.
    expect(score.matched).toEqual(['memory', 'malloc', 'free', 'get_name', 'cleanup']);
    expect(score.mistyped.map((m) => m.name)).toEqual(['http_pre_hook']);
    expect(score.missing).toEqual([]);
    expect(score.score).toBe(Math.round((4.5 / 5) * 1000) / 1000);
  });

  it('reads a function exported as `memory` as a mistyped memory', () => {
    const info = compileWat('(module (func (export "memory")))').info;
    expect(scoreProfile(bifrostV1, info).mistyped).toEqual([{ name: 'memory', expected: ['memory'], received: 'function' }]);
  });

  it('accepts both free arities and reports the dialect', () => {
    for (const [free, dialect] of [['(param i32)', 'free(ptr)'], ['(param i32 i32)', 'free(ptr,size)']] as const) {
      const info = compileWat(exportsModule({ ...ALLOC_V2, free, pre_hook: '(param i32 i32) (result i64)' })).info;
      const score = scoreProfile(bifrostV2, info);
      expect(score.matched).toContain('free');
      expect(score.dialect).toEqual({ allocator: 'malloc', free: dialect, http: 'none' });
    }
  });

  it('detects the legacy http_intercept alias as a hook and as the http dialect', () => {
    const info = compileWat(exportsModule({ ...ALLOC_V2, http_intercept: '(param i32 i32) (result i64)' })).info;
    const detection = detectProfile(info);
    expect(detection.kind === 'matched' && detection.best.profile).toBe('bifrost-v2');
    expect(scoreProfile(bifrostV2, info).entryPoints).toEqual(['http_intercept']);
    expect(scoreProfile(bifrostV2, info).dialect['http']).toBe('http_intercept');
  });
});
