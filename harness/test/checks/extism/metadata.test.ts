/**
 * `lifecycle.metadata`: the metadata exports with every import stubbed, and what their documents
 * must carry in each generation.
 */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/extism/metadata.js';
import { datasourceContext } from './wat-datasource.js';

const META = { pluginId: 'p', name: 'n', appId: 'datasrc', version: '1.2.3', resources: { allowedNetworkTargets: [{ pattern: 'https://x.test/*' }] } };

describe('lifecycle.metadata', () => {
  it('passes plugin_info and meta when both answer their documents', async () => {
    const outcome = await check.run(datasourceContext({ meta: { output: META, rc: 0 } }));
    expect(outcome).toMatchObject({ status: 'passed', message: expect.stringContaining('plugin_info and meta answered') });
  });

  it('lists every problem: a missing field, a bad semver, an error_set', async () => {
    const outcome = await check.run(
      datasourceContext({ plugin_info: { output: { name: 'x' }, rc: 0 }, meta: { output: { ...META, version: 'v1' }, rc: 0 } }),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`plugin_info` output: `version` is missing, expected string');
    expect(outcome.message).toContain('`meta` output: `version` "v1" is not semver');
    const failing = await check.run(datasourceContext({ plugin_info: { error: 'no', rc: 1 } }));
    expect(failing).toMatchObject({ status: 'failed', message: expect.stringContaining('returned rc 1 with error_set "no"') });
  });
});
