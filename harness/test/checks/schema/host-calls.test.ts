/**
 * `schema.host-calls` on bundled data sources: the good ones (both generations, both namespaces)
 * pass, and the one that logs with an undocumented level fails with the path, the schema, the rule
 * and the namespace it imported from.
 */
import { describe, expect, it } from 'vitest';
import hostCalls from '../../../src/checks/schema/host-calls.js';
import { datasourceProfile } from '../../../src/profiles/extism/datasource-profile.js';
import { contextFor, loadBundled } from '../../support/plugins.js';

const run = (plugin: string) => hostCalls.run(contextFor(loadBundled(plugin), { profile: datasourceProfile }));

describe('schema.host-calls', () => {
  for (const plugin of ['extism-datasource-good', 'extism-datasource-current', 'extism-datasource-env']) {
    it(`passes on ${plugin}`, async () => {
      expect(await run(plugin)).toMatchObject({ status: 'passed' });
    });
  }

  it('fails a log_record whose eventType is no PluginLogRecord level, naming path, schema and dialect', async () => {
    const outcome = await run('extism-datasource-schema-host-call');
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.message).toContain('extism:host/user.log_record (namespace extism:host/user)');
    expect(outcome.message).toContain('/eventType');
    const findings = outcome.evidence['findings'] as Record<string, unknown>[];
    expect(findings[0]).toMatchObject({
      during: 'plugin_configure',
      dialect: 'extism:host/user',
      schema: 'extism-datasource/log_record.input.schema.json',
      violations: [expect.objectContaining({ instancePath: '/eventType', keyword: 'enum', received: 'notice' })],
    });
  });
});
