/**
 * Issue 5's "Done when": a plugin whose output is missing a required field, has a wrong type,
 * trailing garbage, invalid UTF-8 or the other dialect's shape gets a `schema.*` or `semantics.*`
 * failure that names the path and the dialect — and, one defect → one check, lifecycle.hooks-answer
 * passes on each (the hook did answer). An answer past the end of memory is alloc.output-in-bounds's.
 * Each case runs the checks in-process on the bundled faulty plugin made for it.
 */
import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '../../../src/checks/check-definition.js';
import hooksAnswer from '../../../src/checks/lifecycle/hooks-answer.js';
import outputInBounds from '../../../src/checks/memory/output-in-bounds.js';
import hookOutputs from '../../../src/checks/schema/hook-outputs.js';
import singleDocument from '../../../src/checks/semantics/single-document.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { contextFor, loadBundled } from '../../support/plugins.js';

type Failing = Record<string, unknown>;

/** Runs `checks` in order on one context (they share its sessions, as in a worker). */
async function runAll(plugin: string, checks: readonly CheckDefinition[]): Promise<CheckOutcome[]> {
  const ctx = contextFor(loadBundled(plugin));
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) outcomes.push(await check.run(ctx));
  return outcomes;
}

function failed(outcome: CheckOutcome | undefined): { message: string; failing: Failing[] } {
  if (outcome?.status !== 'failed') throw new Error(`expected a failure, got ${outcome?.status ?? 'nothing'}: ${outcome?.message ?? ''}`);
  return { message: outcome.message, failing: outcome.evidence['failing'] as Failing[] };
}

const V2_DIALECT = { allocator: 'malloc', free: 'free(ptr)', http: 'http_pre_hook' };

describe('each answer defect fails one schema.* or semantics.* check, naming the path and the dialect', () => {
  it('a missing required field: schema.hook-outputs names the property, the rule and the doc-flat shape', async () => {
    const [answered, fits] = await runAll('bifrost-v2-bad-envelope', [hooksAnswer, hookOutputs]);
    expect(answered?.status).toBe('passed');
    const { message, failing } = failed(fits);
    expect(message).toContain("`pre_hook seed-example` (doc-flat): (document): must have required property 'has_short_circuit'");
    expect(failing[0]).toMatchObject({
      call: 'pre_hook seed-example',
      dialect: { ...V2_DIALECT, shape: 'doc-flat' },
      schema: 'bifrost-v2/pre_hook.output.schema.json',
      violations: expect.arrayContaining([
        expect.objectContaining({ instancePath: '', keyword: 'required', expected: 'a property "has_short_circuit"', received: 'an object with keys context', schemaPath: expect.stringMatching(/pre_hook\.output\.schema\.json#.*\/required$/) }),
      ]),
    });
  });

  it('a wrong type: schema.hook-outputs names /chunk, the type rule, expected and received', async () => {
    const [answered, fits] = await runAll('bifrost-v2-schema-output', [hooksAnswer, hookOutputs]);
    expect(answered?.status).toBe('passed');
    const { message, failing } = failed(fits);
    expect(message).toMatch(/^`http_stream_chunk_hook seed-example`: \/chunk: must be object, received string "/);
    expect(failing[0]).toMatchObject({
      dialect: V2_DIALECT,
      violations: [expect.objectContaining({ instancePath: '/chunk', keyword: 'type', expected: 'type object', received: expect.stringMatching(/^string "/) })],
    });
  });

  it('trailing garbage after the document: semantics.single-document names the byte where the document ends', async () => {
    const [answered, bounds, document] = await runAll('bifrost-v2-semantics-trailing-bytes', [hooksAnswer, outputInBounds, singleDocument]);
    expect(answered?.status).toBe('passed');
    expect(bounds?.status).toBe('passed');
    const { message, failing } = failed(document);
    expect(message).toContain('`http_pre_hook seed-example`: output is not exactly one JSON document: the document ends at byte 77, followed by 2 trailing bytes ("\\"}")');
    expect(message).toContain('`pre_hook seed-example` (doc-flat): output is not exactly one JSON document: the document ends at byte');
    expect(failing.find((f) => f['call'] === 'pre_hook go-default-shape')).toMatchObject({ dialect: { ...V2_DIALECT, shape: 'go-default' }, trailingBytes: 2, documentEndsAt: expect.any(Number) });
  });

  it('invalid UTF-8: semantics.single-document names the byte offset and the dialect', async () => {
    const [answered, bounds, document] = await runAll('bifrost-v2-semantics-invalid-utf8', [hooksAnswer, outputInBounds, singleDocument]);
    expect(answered?.status).toBe('passed');
    expect(bounds?.status).toBe('passed');
    const { message, failing } = failed(document);
    expect(message).toMatch(/^`post_hook seed-example` \(doc-flat\): output is not UTF-8 at byte 26 of \d+/);
    expect(failing[0]).toMatchObject({ call: 'post_hook seed-example', byte: 26, outcome: 'fault', dialect: { ...V2_DIALECT, shape: 'doc-flat' } });
  });

  it('the other dialect\'s shape: schema.hook-outputs names both dialects and the path', async () => {
    const [answered, fits] = await runAll('bifrost-v2-schema-dialect', [hooksAnswer, hookOutputs]);
    expect(answered?.status).toBe('passed');
    const { message, failing } = failed(fits);
    expect(message).toMatch(/^`pre_hook go-default-shape` \(go-default\): answered a go-default input in the doc-flat shape: \/request: must have required property 'RequestType'/);
    expect(failing[0]).toMatchObject({ dialect: { ...V2_DIALECT, shape: 'go-default' }, violations: expect.arrayContaining([expect.objectContaining({ instancePath: '/request', keyword: 'required' })]) });
  });
});

describe('alloc.output-in-bounds', () => {
  it('fails an answer past the end of memory, which lifecycle.hooks-answer leaves to it', async () => {
    const [answered, bounds] = await runAll('bifrost-v2-alloc-output-out-of-bounds', [hooksAnswer, outputInBounds]);
    expect(answered?.status).toBe('passed');
    const { message, failing } = failed(bounds);
    expect(message).toMatch(/^`post_hook seed-example` returned ptr=\d+ len=\d+, ending at byte \d+, past the end of memory \(65536 bytes\)/);
    expect(failing.map((f) => f['call'])).toEqual(['post_hook seed-example', 'post_hook empty-input', 'post_hook wrong-typed-context']);
    expect(failing[0]).toMatchObject({ outcome: 'fault', step: 'read-output', memoryBytes: 65536, dialect: expect.objectContaining(V2_DIALECT) });
  });

  it('passes on the good plugins', async () => {
    for (const plugin of ['bifrost-v2-good-wat', 'bifrost-v2-good-as', 'bifrost-v2-good-c']) {
      const [bounds, document] = await runAll(plugin, [outputInBounds, singleDocument]);
      expect(bounds?.status, `${plugin}: ${bounds?.message ?? ''}`).toBe('passed');
      expect(document?.status, `${plugin}: ${document?.message ?? ''}`).toBe('passed');
    }
  });
});

describe('lifecycle.hooks-answer', () => {
  it('still fails a hook that traps on a seed example', async () => {
    const [answered] = await runAll('bifrost-v2-trap-in-hook', [hooksAnswer]);
    expect(failed(answered).message).toMatch(/`post_hook seed-example` trapped \(unreachable\) during call/);
  });
});
