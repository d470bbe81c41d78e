/**
 * The fuzz checks of midimon, Extism, Extism data sources and FrankenTerm find their faulty
 * plugin's rare defect with the default seed, shrink it, write a valid replay bundle, and the
 * bundle's case reproduces the failure when replayed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testPlugin } from '../../../src/engine/test-plugin.js';
import { replay } from '../../../src/fuzz/replay.js';
import { validateReplayBundle } from '../../../src/fuzz/replay-bundle.js';
import type { ReplayBundle } from '../../../src/fuzz/replay-bundle.js';
import { writeReplayBundles } from '../../../src/fuzz/write-replay-bundles.js';
import { PLUGINS_DIR, ROOT } from '../../support/plugcheck-cli.js';

const SLOW = 120_000;
const out = await mkdtemp(join(tmpdir(), 'plugcheck-family-fuzz-'));
afterAll(() => rm(out, { recursive: true, force: true }));

const CASES = [
  { plugin: 'midimon-fuzz-non-ascii-trap.wasm', check: 'fuzz.valid-inputs', profile: 'midimon', export: 'execute', problem: /`execute` trapped/ },
  { plugin: 'extism-fuzz-input-trap.wasm', check: 'fuzz.hostile-inputs', profile: 'extism', export: 'count_vowels', problem: /`count_vowels` trapped/ },
  { plugin: 'extism-datasource-fuzz-trap.wasm', check: 'fuzz.valid-inputs', profile: 'extism-datasource', export: 'start_stream', problem: /`start_stream` trapped/ },
  { plugin: 'frankenterm-fuzz-env-overflow', check: 'fuzz.valid-inputs', profile: 'frankenterm', export: 'on_reload', problem: /`on_reload` trapped/ },
] as const;

describe.each(CASES)('$check on $plugin', ({ plugin, check, profile, export: exportName, problem }) => {
  const path = join(ROOT, PLUGINS_DIR, plugin);
  const report = testPlugin({ plugin: path, only: [check] });

  it('fails with the default seed, shrunk, with a valid replay bundle', async () => {
    const result = (await report).results.find((r) => r.check === check);
    expect(result?.status).toBe('failed');
    expect(result?.message).toMatch(problem);
    const evidence = (result && 'evidence' in result ? result.evidence : {}) as { seed: number; shrinks: number; replayBundle: ReplayBundle };
    expect(evidence.seed).toBe(1);
    expect(evidence.shrinks).toBeGreaterThan(0);
    const bundle = validateReplayBundle(evidence.replayBundle, 'evidence');
    expect(bundle.profile).toBe(profile);
    expect(bundle.call.export).toBe(exportName);
  }, SLOW);

  it('reproduces the failure from the written bundle', async () => {
    const [written] = await writeReplayBundles(await report, join(out, plugin));
    expect(written?.check).toBe(check);
    const outcome = await replay(written?.path ?? '');
    expect(outcome.result.status).toBe('failed');
    expect(outcome.result.message).toMatch(/^replayed: /);
    expect(outcome.result.message).toMatch(problem);
  }, SLOW);
});
