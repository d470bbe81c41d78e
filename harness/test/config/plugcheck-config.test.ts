/**
 * plugcheck.config.json: validated with errors that name the key; found at --config or ./;
 * combined with the command line, flags winning.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../src/errors.js';
import { findConfig, loadConfig, unusedKeys } from '../../src/config/plugcheck-config.js';
import type { LoadedConfig } from '../../src/config/plugcheck-config.js';
import { planRun } from '../../src/config/run-plan.js';
import type { CliChoices } from '../../src/config/run-plan.js';
import { removeTempDirs, tempDir } from '../support/plugcheck-cli.js';

afterAll(removeTempDirs);

async function configError(doc: unknown): Promise<ConfigError> {
  const file = join(await tempDir(), 'plugcheck.config.json');
  await writeFile(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  try {
    await loadConfig(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('PLUGCHECK_BAD_CONFIG');
    return error as ConfigError;
  }
  throw new Error('the config was accepted');
}

describe('loadConfig', () => {
  it('names the key of a misspelt option', async () => {
    const e = await configError({ limits: { callTimeoutMS: 10 } });
    expect(e.message).toMatch(/: "limits\.callTimeoutMS" is not a known key$/);
    expect(e.received).toBe('"limits.callTimeoutMS": 10');
    expect(e.fix).toContain('schemas/config.schema.json');
  });

  it('names the key of a wrong value, however deep', async () => {
    const e = await configError({ plugins: [{ path: 'a.wasm', expectedFailures: { 'lifecycle.init': { reason: 'x', status: 'broken' } } }] });
    expect(e.message).toMatch(/: "plugins\[0\]\.expectedFailures\.lifecycle\.init\.status" must be equal to one of the allowed values$/);
    expect(e.expected).toBe('["failed","errored","timed-out"]');
    expect(e.received).toBe('broken');
    const seed = await configError({ seed: 'one' });
    expect(seed.message).toMatch(/: "seed" must be integer$/);
    expect(seed.received).toBe('string "one"');
  });

  it('says when the file is not JSON or cannot be read', async () => {
    expect((await configError('{"seed": 1,}')).message).toMatch(/: is not JSON$/);
    await expect(loadConfig('/nonexistent/plugcheck.config.json')).rejects.toThrow(/cannot be read/);
  });

  it('accepts the schema example and lists what it sets but the engine does not use yet', async () => {
    const file = join(await tempDir(), 'c.json');
    const doc = { plugins: [{ path: 'a.wasm', dialect: { x: 'y' }, config: { k: 1 } }], hooks: ['pre_hook'], limits: { fuel: 5, callTimeoutMs: 9, memoryPages: 8 }, thresholds: { maxPagesGrown: 2, maxRegressionPercent: 5 }, seed: 3 };
    await writeFile(file, JSON.stringify(doc));
    const loaded = await loadConfig(file);
    expect(loaded.config).toEqual(doc);
    // maxPagesGrown and a plugin's config are read by the checks; the bench thresholds are not yet.
    expect(unusedKeys(loaded.config)).toEqual(['thresholds.maxRegressionPercent']);
  });
});

describe('findConfig', () => {
  it('reads ./plugcheck.config.json when it exists, nothing otherwise; --config must exist', async () => {
    const dir = await tempDir();
    expect(await findConfig(undefined, dir)).toBeUndefined();
    await writeFile(join(dir, 'plugcheck.config.json'), '{"seed": 4}');
    expect((await findConfig(undefined, dir))?.config).toEqual({ seed: 4 });
    await expect(findConfig(join(dir, 'missing.json'), dir)).rejects.toThrow(ConfigError);
  });
});

describe('planRun', () => {
  const none: CliChoices = {
    plugin: undefined,
    profile: undefined,
    only: undefined,
    skip: undefined,
    shard: undefined,
    seed: undefined,
    callTimeoutMs: undefined,
    instantiateTimeoutMs: undefined,
    fuzzRuns: undefined,
    fuzzTimeMs: undefined,
    memoryCapPages: undefined,
    reporters: undefined,
    out: undefined,
  };
  const loaded: LoadedConfig = {
    file: 'ci/plugcheck.config.json',
    config: {
      plugins: ['build/a.wasm', { path: 'build/b.wasm', profile: 'bifrost-v1', expectedFailures: { 'lifecycle.init': { reason: 'r' } } }],
      profile: 'bifrost-v2',
      only: ['abi.*'],
      skip: ['abi.compiles'],
      seed: 5,
      runs: 10,
      fuzzTimeMs: 100,
      limits: { callTimeoutMs: 50, memoryPages: 32, fuel: 700 },
      hooks: ['pre_hook'],
      thresholds: { maxLeakBytesPerCall: 64, maxRegressionPercent: 5 },
      reporters: ['console', { name: 'junit', out: 'junit-out' }],
      out: 'out',
    },
  };

  it('takes the plugins and settings from the config, paths relative to its directory', () => {
    const plan = planRun(none, loaded, ['console', 'json']);
    expect(plan.plugins).toEqual([
      { plugin: 'ci/build/a.wasm', profile: 'bifrost-v2', expectedFailures: {} },
      { plugin: 'ci/build/b.wasm', profile: 'bifrost-v1', expectedFailures: { 'lifecycle.init': { reason: 'r' } } },
    ]);
    expect(plan).toMatchObject({ only: ['abi.*'], skip: ['abi.compiles'], seed: 5, fuzzRuns: 10, fuzzTimeMs: 100, callTimeoutMs: 50, memoryCapPages: 32, fuelLimit: 700, hooks: ['pre_hook'], out: 'ci/out' });
    // Only the thresholds the checks read travel to them.
    expect(plan.thresholds).toEqual({ maxLeakBytesPerCall: 64 });
    expect(plan.reporters).toEqual([
      { name: 'console', out: 'ci/out' },
      { name: 'junit', out: 'ci/junit-out' },
    ]);
  });

  it('lets flags override the config, and finds a plugin named on the command line in it', () => {
    const plan = planRun({ ...none, plugin: 'ci/build/b.wasm', profile: 'bifrost-v2', only: [], seed: 9, memoryCapPages: 64, fuelLimit: 9000, reporters: ['json'], out: 'x' }, loaded, []);
    expect(plan.plugins).toEqual([{ plugin: 'ci/build/b.wasm', profile: 'bifrost-v2', expectedFailures: { 'lifecycle.init': { reason: 'r' } } }]);
    expect(plan).toMatchObject({ only: [], skip: ['abi.compiles'], seed: 9, memoryCapPages: 64, fuelLimit: 9000, out: 'x', reporters: [{ name: 'json', out: 'x' }] });
  });

  it('forces the top-level dialect with each plugin\'s own axes on top', () => {
    const withDialect: LoadedConfig = {
      file: 'plugcheck.config.json',
      config: { dialect: { free: 'free(ptr)', http: 'none' }, plugins: ['a.wasm', { path: 'b.wasm', dialect: { free: 'free(ptr,size)' } }] },
    };
    expect(planRun(none, withDialect, []).plugins.map((p) => p.dialect)).toEqual([
      { free: 'free(ptr)', http: 'none' },
      { free: 'free(ptr,size)', http: 'none' },
    ]);
    expect(planRun(none, { file: 'c.json', config: { plugins: ['a.wasm'] } }, []).plugins[0]?.dialect).toBeUndefined();
  });

  it('gives each plugin its own Extism manifest limits, else the top-level ones, and the run the allow-list', () => {
    const manifests: LoadedConfig = {
      file: 'plugcheck.config.json',
      config: { extismManifest: { timeout_ms: 100 }, networkAllowList: ['*.example.com'], plugins: ['a.wasm', { path: 'b.wasm', extismManifest: { memory: { max_pages: 8 } } }] },
    };
    const plan = planRun(none, manifests, []);
    expect(plan.plugins.map((p) => p.extismManifest)).toEqual([{ timeout_ms: 100 }, { memory: { max_pages: 8 } }]);
    expect(plan.networkAllowList).toEqual(['*.example.com']);
  });

  it('uses the defaults without a config, and needs a plugin from somewhere', () => {
    expect(planRun({ ...none, plugin: 'p.wasm' }, undefined, ['console', 'json'])).toMatchObject({ out: 'reports', only: [], reporters: [{ name: 'console', out: 'reports' }, { name: 'json', out: 'reports' }] });
    expect(() => planRun(none, undefined, [])).toThrow(UsageError);
    expect(() => planRun(none, { file: 'c.json', config: {} }, [])).toThrow(/c\.json lists no plugins/);
  });
});

describe('config directory layout', () => {
  it('resolves a config in another directory', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'c.json'), JSON.stringify({ plugins: ['p.wasm'] }));
    const plan = planRun({ plugin: undefined, profile: undefined, only: undefined, skip: undefined, shard: undefined, seed: undefined, callTimeoutMs: undefined, instantiateTimeoutMs: undefined, fuzzRuns: undefined, fuzzTimeMs: undefined, memoryCapPages: undefined, reporters: undefined, out: undefined }, await loadConfig(join(dir, 'sub', 'c.json')), []);
    expect(plan.plugins[0]?.plugin.endsWith(join('sub', 'p.wasm'))).toBe(true);
  });
});
