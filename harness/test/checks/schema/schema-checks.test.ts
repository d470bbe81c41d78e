/**
 * The schema.* checks, run in-process on bundled plugins: they pass on good plugins of both
 * Bifrost profiles, and fail on the faulty plugin made for each with a message and evidence that
 * name the path, the schema, the dialect and the seed section.
 */
import { describe, expect, it } from 'vitest';
import hookOutputs from '../../../src/checks/schema/hook-outputs.js';
import name from '../../../src/checks/schema/name.js';
import { bifrostV1 } from '../../../src/profiles/bifrost-v1/index.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { contextFor, loadBundled } from '../../support/plugins.js';

async function run(check: typeof name, plugin: string): Promise<CheckOutcome> {
  const profile = plugin.startsWith('bifrost-v1') ? bifrostV1 : undefined;
  return check.run(contextFor(loadBundled(plugin), profile === undefined ? {} : { profile }));
}

const failing = (outcome: CheckOutcome) => (outcome.status === 'failed' ? (outcome.evidence['failing'] as Record<string, unknown>[]) : []);

describe('schema checks on good plugins', () => {
  for (const plugin of ['bifrost-v2-good-wat', 'bifrost-v2-good-as', 'bifrost-v2-good-c', 'bifrost-v1-good']) {
    for (const check of [name, hookOutputs]) {
      it(`${check.id} passes on ${plugin}`, async () => {
        expect((await run(check, plugin)).status).toBe('passed');
      });
    }
  }
});

describe('schema.name', () => {
  it('fails on a name with a trailing newline, naming the schema and the rule', async () => {
    const outcome = await run(name, 'bifrost-v2-schema-name');
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.message).toContain('"bifrost-v2-schema-name\\n"');
    expect(outcome.evidence['schema']).toBe('bifrost-v2/get_name.output.schema.json');
    expect(outcome.evidence['violations']).toEqual([expect.objectContaining({ keyword: 'pattern', instancePath: '' })]);
  });
});

describe('schema.hook-outputs', () => {
  it('fails on a base64 chunk at /chunk for the seed example and the bad-input answers', async () => {
    const outcome = await run(hookOutputs, 'bifrost-v2-schema-output');
    expect(outcome.status).toBe('failed');
    const calls = failing(outcome);
    expect(calls.map((c) => c['call'])).toEqual(['http_stream_chunk_hook seed-example', 'http_stream_chunk_hook empty-input', 'http_stream_chunk_hook wrong-typed-context']);
    expect(calls[0]).toMatchObject({
      schema: 'bifrost-v2/http_stream_chunk_hook.output.schema.json',
      specRef: 'seed 001 §http_stream_chunk_hook Output',
      violations: [expect.objectContaining({ instancePath: '/chunk', keyword: 'type', expected: 'type object' })],
    });
  });
  it('fails when a go-default input gets a doc-flat answer, naming both dialects and the path', async () => {
    const outcome = await run(hookOutputs, 'bifrost-v2-schema-dialect');
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.message).toMatch(/^`pre_hook go-default-shape` \(go-default\): answered a go-default input in the doc-flat shape: \/request: must have required property 'RequestType'/);
    const [call, ...others] = failing(outcome);
    expect(others).toEqual([]);
    expect(call?.['dialect']).toEqual({ allocator: 'malloc', free: 'free(ptr)', http: 'http_pre_hook', shape: 'go-default' });
    expect(outcome.evidence['passing']).toContain('pre_hook seed-example');
  });
});
