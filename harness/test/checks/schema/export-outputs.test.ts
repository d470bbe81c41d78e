/**
 * `schema.export-outputs` on bundled data sources: the good ones of both generations pass, and the
 * one whose stream failure carries no `error` fails, naming the export, the schema and the path.
 */
import { describe, expect, it } from 'vitest';
import exportOutputs from '../../../src/checks/schema/export-outputs.js';
import { datasourceProfile } from '../../../src/profiles/extism/datasource-profile.js';
import { contextFor, loadBundled } from '../../support/plugins.js';

const run = (plugin: string) => exportOutputs.run(contextFor(loadBundled(plugin), { profile: datasourceProfile }));

describe('schema.export-outputs', () => {
  for (const plugin of ['extism-datasource-good', 'extism-datasource-current', 'extism-datasource-env']) {
    it(`passes on ${plugin}`, async () => {
      expect(await run(plugin)).toMatchObject({ status: 'passed' });
    });
  }

  it('fails a stream failure without error, naming the export, schema and rule', async () => {
    const outcome = await run('extism-datasource-schema-export-output');
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.message).toContain('`stop_stream` (on a fresh instance');
    expect(outcome.message).toContain('stop_stream.output.schema.json');
    const failing = outcome.evidence['failing'] as Record<string, unknown>[];
    expect(failing[0]).toMatchObject({
      export: 'stop_stream',
      schema: 'extism-datasource/stop_stream.output.schema.json',
      dialect: { generation: 'generic' },
      violations: [expect.objectContaining({ keyword: 'required', instancePath: '' })],
    });
  });
});
