/**
 * A plugin's `config` becomes what a Bifrost `init` receives, checked against the `init` input
 * schema first; other profiles keep theirs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPlugin } from '../../src/engine/test-plugin.js';
import { withInitConfig } from '../../src/profiles/init-config.js';
import { getProfile } from '../../src/profiles/registry.js';
import { PLUGINS_DIR, ROOT } from '../support/plugcheck-cli.js';

const v2 = getProfile('bifrost-v2');
const initConfigOf = (p: ReturnType<typeof getProfile>) => (p.family === 'bifrost' ? p.initConfig : undefined);

describe('withInitConfig', () => {
  it('replaces the seed\'s example config of a Bifrost profile, and leaves other profiles alone', () => {
    expect(initConfigOf(withInitConfig(v2, { mode: 'strict' }))).toEqual({ mode: 'strict' });
    expect(withInitConfig(v2, undefined)).toBe(v2);
    const midimon = getProfile('midimon');
    expect(withInitConfig(midimon, { mode: 'strict' })).toBe(midimon);
  });

  it('refuses a config outside the init input schema, saying where to look', () => {
    expect(() => withInitConfig(v2, ['not', 'an', 'object'])).toThrow(
      expect.objectContaining({ code: 'PLUGCHECK_BAD_CONFIG', message: expect.stringMatching(/^the plugin's "config" does not fit schemas\/bifrost-v2\/init\.input\.schema\.json: /), expected: expect.stringContaining('plugcheck schema bifrost-v2 init --input') }),
    );
  });

  it('is what init receives in a run, and what the evidence shows', async () => {
    const plugin = join(ROOT, PLUGINS_DIR, 'bifrost-v2-good-as.wasm');
    const report = await testPlugin({ plugin, only: ['lifecycle.init'], pluginConfig: { mode: 'strict', retries: 3 } });
    const [result] = report.results;
    expect(result?.status).toBe('passed');
    expect(result && 'evidence' in result ? result.evidence?.['config'] : undefined).toBe('{"mode":"strict","retries":3}');
    await expect(testPlugin({ plugin, only: ['lifecycle.init'], pluginConfig: 'strict' })).rejects.toMatchObject({ code: 'PLUGCHECK_BAD_CONFIG' });
  });
});
