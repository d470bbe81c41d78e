/**
 * `semantics.status-code` on bundled midimon plugins: the good ones pass (both answer 3 to an
 * unknown action, as the seed template's `_ => 3 // Unknown action` does), and the plugin that
 * answers 0 to everything fails on a request that is not JSON and on an unknown action, with the
 * probe, the status and what was expected.
 */
import { describe, expect, it } from 'vitest';
import statusCode, { UNKNOWN_ACTION } from '../../../src/checks/semantics/status-code.js';
import { midimon } from '../../../src/profiles/midimon/index.js';
import { contextFor, loadBundled } from '../../support/plugins.js';

const run = (plugin: string) => statusCode.run(contextFor(loadBundled(plugin), { profile: midimon }));

describe('semantics.status-code', () => {
  it('runs after lifecycle.execute', () => {
    expect(statusCode.dependsOn).toEqual(['lifecycle.metadata', 'lifecycle.execute']);
  });

  it('passes on midimon-good-c, which answers 3 to an unknown action', async () => {
    expect(await run('midimon-good-c')).toMatchObject({ status: 'passed', message: expect.stringContaining('an unknown action got 3') });
  });

  it('passes on midimon-good-wat, which answers 3 to any action but my_action', async () => {
    expect(await run('midimon-good-wat')).toMatchObject({ status: 'passed', message: expect.stringContaining('an unknown action got 3') });
  });

  it('fails 0 for a request that is not JSON and for an unknown action, saying what was expected', async () => {
    const outcome = await run('midimon-semantics-status-code');
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.message).toContain('a request that is not JSON returned 0 (success), expected 2');
    expect(outcome.message).toContain(`the unknown action \`${UNKNOWN_ACTION}\``);
    expect(outcome.message).toContain('returned 0 (success), expected 3 (action failed');
    expect(outcome.evidence['failing']).toEqual([
      expect.objectContaining({ probe: 'not-json', status: 0 }),
      expect.objectContaining({ probe: 'truncated', status: 0 }),
      expect.objectContaining({ probe: 'unknown-action', status: 0 }),
    ]);
    expect(UNKNOWN_ACTION).not.toMatch(/^[a-z_][a-z0-9_]*$/);
  });
});
