/**
 * A hang found by fuzzing: the rare-hang plugin (pre_hook loops forever on a character outside the
 * Basic Multilingual Plane) makes fuzz.valid-inputs time out, the watchdog's result still carries
 * the input that hung and its replay bundle (regenerated from the seed and the case's number, which is
 * all the search notes per case), and replaying the bundle in a fresh process hangs again.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testPlugin } from '../../../src/engine/test-plugin.js';
import type { ReplayBundle } from '../../../src/fuzz/replay-bundle.js';
import { validateReplayBundle } from '../../../src/fuzz/replay-bundle.js';
import { writeReplayBundles } from '../../../src/fuzz/write-replay-bundles.js';
import { PLUGINS_DIR, ROOT, runPlugcheck } from '../../support/plugcheck-cli.js';

const RARE_HANG = join(ROOT, PLUGINS_DIR, 'bifrost-v2-fuzz-rare-hang.wasm');
const LIMIT_MS = 300;
const CLI = { timeoutMs: 240_000 };
const SLOW = 300_000;
const out = await mkdtemp(join(tmpdir(), 'plugcheck-fuzz-hang-'));
afterAll(() => rm(out, { recursive: true, force: true }));

describe('a fuzz case that hangs', () => {
  const report = testPlugin({ plugin: RARE_HANG, only: ['fuzz.valid-inputs'], callTimeoutMs: LIMIT_MS });

  it('times out with the hanging input and a replay bundle in the evidence', async () => {
    const result = (await report).results.find((r) => r.check === 'fuzz.valid-inputs');
    expect(result?.status).toBe('timed-out');
    const evidence = (result && 'evidence' in result ? result.evidence : {}) as { seed: number; shrinkPath: string; shrinks: number; shrinkStoppedBy: string; input: string; replayBundle: ReplayBundle; timeoutMs: number };
    expect(evidence.timeoutMs).toBe(LIMIT_MS);
    expect(evidence.seed).toBe(1);
    // The search notes only the case's number; fresh workers regenerated the case from the seed and
    // followed its shrink candidates that hang too, down to one none of whose candidates hangs.
    expect(evidence).not.toHaveProperty('pendingRunError');
    expect(evidence.shrinkPath).toMatch(/^\d+(:\d+)+$/);
    expect(evidence.shrinks).toBe(evidence.shrinkPath.split(':').length - 1);
    expect(evidence.shrinkStoppedBy).toBe('minimal');
    expect(result?.message).toMatch(/shrunk in \d+ steps? to a case that hangs too/);
    const bundle = validateReplayBundle(evidence.replayBundle, 'evidence');
    expect(bundle.observed?.status).toBe('timed-out');
    expect(bundle.call.export).toBe('pre_hook');
    // The input that hung holds a character the plugin's scanner cannot step over.
    const [input] = bundle.call.inputs;
    expect(JSON.stringify(input)).toMatch(/[\u{10000}-\u{10ffff}]/u);
    expect(evidence.input).toMatch(/[\u{10000}-\u{10ffff}]/u);
    // Minimal: the one character the scanner cannot step over, in an input with nothing else to drop.
    expect([...evidence.input.matchAll(/[\u{10000}-\u{10ffff}]/gu)]).toHaveLength(1);
    expect(evidence.input.length).toBeLessThan(64);
  }, SLOW);

  it('writes the bundle, and replaying it in a fresh process hangs again', async () => {
    const written = await writeReplayBundles(await report, out);
    const bundlePath = join(out, 'repro-fuzz.valid-inputs.json');
    expect(written.map((w) => w.path)).toEqual([bundlePath]);
    validateReplayBundle(JSON.parse(await readFile(bundlePath, 'utf8')), bundlePath);
    const replayed = await runPlugcheck(['replay', bundlePath, '--timeout', String(LIMIT_MS)], CLI);
    expect(replayed.stdout).toMatch(/TIMEOUT\s+fuzz\.valid-inputs\s+call `pre_hook fuzz` did not return within 300 ms/);
    expect(replayed.stdout).toContain('reproduced: the failure recorded in the bundle still happens');
    expect(replayed.exitCode).toBe(1);
  }, SLOW);
});

describe('a fuzz case that hangs in an asynchronous (Extism) call', () => {
  it('is shrunk too: to the one byte the plugin\'s scanner cannot step over', async () => {
    const report = await testPlugin({ plugin: join(ROOT, PLUGINS_DIR, 'extism-fuzz-rare-hang.wasm'), only: ['fuzz.hostile-inputs'], callTimeoutMs: LIMIT_MS });
    const result = report.results.find((r) => r.check === 'fuzz.hostile-inputs');
    expect(result?.status).toBe('timed-out');
    const evidence = (result && 'evidence' in result ? result.evidence : {}) as { shrinkPath: string; shrinks: number; shrinkStoppedBy: string; input: string; replayBundle: ReplayBundle };
    expect(evidence.shrinkPath).toMatch(/^\d+(:\d+)+$/);
    expect(evidence.shrinks).toBeGreaterThan(0);
    expect(evidence.shrinkStoppedBy).toBe('minimal');
    expect(evidence.input).toBe('\\x80');
    expect(validateReplayBundle(evidence.replayBundle, 'evidence').call.export).toBe('count_vowels');
  }, SLOW);
});
