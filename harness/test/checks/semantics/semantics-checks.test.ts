/**
 * The semantics.* checks, run in-process on bundled plugins: each passes on every good Bifrost
 * plugin it applies to and fails on the faulty plugin made for it, saying which call broke which rule.
 */
import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '../../../src/checks/check-definition.js';
import { DOCUMENT_CHECKS, SEMANTICS_CHECKS as JSON_SEMANTICS } from '../../../src/checks/semantics/index.js';

/** Every semantics.* check: those that judge an answer's bytes and those that judge its JSON. */
const SEMANTICS_CHECKS = [...DOCUMENT_CHECKS, ...JSON_SEMANTICS];
import { bifrostV1 } from '../../../src/profiles/bifrost-v1/index.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { contextFor, loadBundled } from '../../support/plugins.js';

async function run(check: CheckDefinition, plugin: string): Promise<CheckOutcome> {
  return check.run(contextFor(loadBundled(plugin), plugin.startsWith('bifrost-v1') ? { profile: bifrostV1 } : {}));
}

const GOOD = ['bifrost-v2-good-wat', 'bifrost-v2-good-as', 'bifrost-v2-good-c', 'bifrost-v1-good'];

describe('semantics checks on good plugins', () => {
  for (const check of SEMANTICS_CHECKS) {
    for (const plugin of GOOD.filter((p) => check.appliesTo.includes(p.startsWith('bifrost-v1') ? 'bifrost-v1' : 'bifrost-v2'))) {
      it(`${check.id} passes on ${plugin}`, async () => {
        const outcome = await run(check, plugin);
        expect(outcome.status, outcome.message).toBe('passed');
      });
    }
  }
});

/** Each check, its faulty plugin, and what the message must say. */
const FAULTY: readonly [string, RegExp][] = [
  ['semantics.no-data', /^`get_name` returned ptr=0 len=28: a host that tests the pointer reads it as "no data"$/],
  ['semantics.short-circuit', /`pre_hook seed-example`: has_short_circuit is true but short_circuit is null/],
  ['semantics.presence-flags', /^`http_stream_chunk_hook seed-example`: has_chunk is true but chunk is null$/],
  ['semantics.deterministic', /^`http_post_hook seed-example` sent twice gave a different answer$/],
  ['semantics.single-document', /`http_pre_hook empty-input`: output is not exactly one JSON document: the document ends at byte 90, followed by 1 NUL byte of padding/],
  ['semantics.empty-input', /`post_hook empty-input` answered empty input \(0, 0\) as a success: `hook_error` is ""/],
  ['semantics.wrong-typed-input', /`pre_hook wrong-typed-context` answered the seed example with `context` as the string "abc-123" as a success: `error` is ""/],
  ['semantics.hook-error-channel', /`post_hook empty-input` put its failure \("no input data"\) in `error` and left hook_error empty/],
];

describe('semantics checks on their faulty plugins', () => {
  it('cover every semantics check', () => {
    expect(FAULTY.map(([id]) => id).sort()).toEqual(SEMANTICS_CHECKS.map((c) => c.id).sort());
  });
  for (const [id, message] of FAULTY) {
    it(`${id} fails on bifrost-v2-${id.replace('.', '-')}`, async () => {
      const check = SEMANTICS_CHECKS.find((c) => c.id === id) as CheckDefinition;
      const outcome = await run(check, `bifrost-v2-${id.replace('.', '-')}`);
      expect(outcome.status).toBe('failed');
      if (outcome.status !== 'failed') return;
      expect(outcome.message).toMatch(message);
      expect(outcome.evidence['specRef']).toEqual(expect.any(String));
      expect(outcome.evidence['fix']).toEqual(expect.any(String));
      const [entry] = outcome.evidence['failing'] as Record<string, unknown>[];
      // semantics.deterministic pairs the first and the second answer
      const call = (entry?.['first'] ?? entry) as Record<string, unknown> | undefined;
      expect(call?.['dialect']).toMatchObject({ allocator: 'malloc', free: 'free(ptr)' });
    });
  }
  it('semantics.deterministic shows both answers', async () => {
    const outcome = await run(SEMANTICS_CHECKS.find((c) => c.id === 'semantics.deterministic') as CheckDefinition, 'bifrost-v2-semantics-deterministic');
    if (outcome.status !== 'failed') throw new Error('expected a failure');
    const [pair] = outcome.evidence['failing'] as { first: { output: string }; second: { output: string } }[];
    expect(pair?.first.output).toContain('"call":1');
    expect(pair?.second.output).toContain('"call":2');
  });
  it('semantics.empty-input reports a trap on empty input as a failure with the trap', async () => {
    const { compileWat } = await import('../../support/wat.js');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { bundledPluginsDir } = await import('../../../src/config/bundled-plugins.js');
    // good-wat whose reply traps when the input is empty
    const source = readFileSync(join(bundledPluginsDir(), 'src', 'bifrost-v2-good-wat.wat'), 'utf8').replace(
      '      (then (local.set $msg (i32.const 64)) (local.set $msg_len (i32.const 13)))\n',
      '      (then (unreachable))\n',
    );
    const check = SEMANTICS_CHECKS.find((c) => c.id === 'semantics.empty-input') as CheckDefinition;
    const outcome = await check.run(contextFor(compileWat(source)));
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.message).toContain('`http_pre_hook empty-input` trapped (unreachable) during call');
    expect((outcome.evidence['failing'] as Record<string, unknown>[])[0]).toMatchObject({ outcome: 'trap', step: 'call' });
  });
});
