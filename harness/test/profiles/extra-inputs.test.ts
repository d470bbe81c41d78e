/**
 * The config's `inputs` become fixtures of a Bifrost profile's hooks, after the seed examples, named
 * `config:<id>`; every check that sends fixtures sends them (shown here with lifecycle.hooks-answer
 * on a plugin that traps only on non-ASCII input, which no seed example has). An input plugcheck
 * could not send as given is a coded error before any plugin runs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPlugin } from '../../src/engine/test-plugin.js';
import { withExtraInputs } from '../../src/profiles/extra-inputs.js';
import { getProfile } from '../../src/profiles/registry.js';
import { PLUGINS_DIR, ROOT } from '../support/plugcheck-cli.js';

const v2 = getProfile('bifrost-v2');
const preHook = (p: ReturnType<typeof getProfile>) => (p.family === 'bifrost' ? p.hooks.find((h) => h.name === 'pre_hook') : undefined);
const ACCENTED = { context: {}, request: { provider: 'openai', model: 'gpt-4', input: [{ role: 'user', content: 'Grüße, café' }] } };

describe('withExtraInputs', () => {
  it('adds each input after the seed examples of its hook, as config:<id>, and leaves the rest alone', () => {
    const seeds = preHook(v2)?.fixtures ?? [];
    const extended = withExtraInputs(v2, { pre_hook: [{ id: 'accented', inputs: [ACCENTED] }] });
    const fixtures = preHook(extended)?.fixtures ?? [];
    expect(fixtures.slice(0, seeds.length)).toEqual(seeds);
    expect(fixtures.slice(seeds.length)).toEqual([{ id: 'config:accented', specRef: 'plugcheck.config.json "inputs"', inputs: [ACCENTED] }]);
    expect(extended).toMatchObject({ id: 'bifrost-v2', exports: v2.exports });
    expect(withExtraInputs(v2, undefined)).toBe(v2);
    const extism = getProfile('extism');
    expect(withExtraInputs(extism, { pre_hook: [{ id: 'x', inputs: [{}] }] })).toBe(extism);
  });

  it('refuses an unknown hook, a wrong number of values, a document outside the input schema and a repeated id', () => {
    const bad = (inputs: Parameters<typeof withExtraInputs>[1]) => () => withExtraInputs(v2, inputs);
    expect(bad({ prehook: [{ id: 'a', inputs: [ACCENTED] }] })).toThrow(expect.objectContaining({ code: 'PLUGCHECK_BAD_CONFIG', message: expect.stringContaining('"inputs" names prehook') }));
    expect(bad({ pre_hook: [{ id: 'two', inputs: [ACCENTED, ACCENTED] }] })).toThrow(
      expect.objectContaining({ code: 'PLUGCHECK_BAD_CONFIG', message: '"inputs"."pre_hook" entry "two" has 2 values, but pre_hook takes 1' }),
    );
    expect(bad({ pre_hook: [{ id: 'shape', inputs: [{ context: {} }] }] })).toThrow(
      expect.objectContaining({ code: 'PLUGCHECK_BAD_CONFIG', message: expect.stringMatching(/^"inputs"\."pre_hook" entry "shape" does not fit schemas\/bifrost-v2\/pre_hook\.input\.schema\.json: .*request/) }),
    );
    expect(bad({ pre_hook: [{ id: 'a', inputs: [ACCENTED] }, { id: 'a', inputs: [ACCENTED] }] })).toThrow(expect.objectContaining({ code: 'PLUGCHECK_BAD_CONFIG', message: '"inputs"."pre_hook" has two entries with id "a"' }));
  });
});

describe('config inputs in a run', () => {
  const plugin = join(ROOT, PLUGINS_DIR, 'bifrost-v2-fuzz-non-ascii-trap.wasm');

  it('sends them with the seed examples: a hook that traps only on non-ASCII text fails on the config input alone', async () => {
    const plain = await testPlugin({ plugin, only: ['lifecycle.hooks-answer'] });
    expect(plain.results.map((r) => [r.check, r.status])).toEqual([['lifecycle.hooks-answer', 'passed']]);
    const withInput = await testPlugin({ plugin, only: ['lifecycle.hooks-answer'], inputs: { pre_hook: [{ id: 'accented', inputs: [ACCENTED] }] } });
    const [result] = withInput.results;
    expect(result?.status).toBe('failed');
    expect(result?.message).toMatch(/^`pre_hook config:accented` trapped/);
  });

  it('stops the run with a coded error before any check for an input it could not send', async () => {
    await expect(testPlugin({ plugin, only: ['lifecycle.hooks-answer'], inputs: { pre_hook: [{ id: 'shape', inputs: [{ context: {} }] }] } })).rejects.toMatchObject({ code: 'PLUGCHECK_BAD_CONFIG' });
  });
});
