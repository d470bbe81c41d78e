/**
 * The rare-trap plugin (pre_hook traps on any non-ASCII byte) is found by the default run, shrunk to
 * a minimal input, and its replay bundle reproduces the trap in a fresh process through the real bin.
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

const RARE_TRAP = join(ROOT, PLUGINS_DIR, 'bifrost-v2-fuzz-non-ascii-trap.wasm');
// The bin runs in a child process while the rest of the suite loads the machine: generous limits.
const CLI = { timeoutMs: 240_000 };
const SLOW = 300_000;
const out = await mkdtemp(join(tmpdir(), 'plugcheck-fuzz-'));
afterAll(() => rm(out, { recursive: true, force: true }));

// Member names the input schemas declare: fixed by the schema, so they cannot shrink.
const DECLARED = new Set(['context', 'request', 'provider', 'model', 'input', 'params', 'fallbacks', 'role', 'RequestType', 'ChatRequest']);

// Every scalar and member name of a value, depth first; arrays count by their length.
function leaves(value: unknown): (string | number | boolean | null)[] {
  if (Array.isArray(value)) return [value.length, ...value.flatMap(leaves)];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [...(DECLARED.has(k) ? [] : [k]), ...leaves(v)]);
  return [value as string | number | boolean | null];
}

describe('fuzz.valid-inputs on the rare-trap plugin', () => {
  const report = testPlugin({ plugin: RARE_TRAP, only: ['fuzz.valid-inputs'], callTimeoutMs: 1000 });

  it('finds the trap with the default seed and shrinks it to one non-ASCII character in an otherwise minimal input', async () => {
    const result = (await report).results.find((r) => r.check === 'fuzz.valid-inputs');
    expect(result?.status).toBe('failed');
    const evidence = (result && 'evidence' in result ? result.evidence : {}) as { seed: number; shrinks: number; replayBundle: ReplayBundle; trap?: { kind: string } };
    expect(evidence.seed).toBe(1);
    expect(evidence.shrinks).toBeGreaterThan(0);
    expect(evidence.trap?.kind).toBe('unreachable');
    const [input] = evidence.replayBundle.call.inputs;
    const document = input !== undefined && 'json' in input ? input.json : undefined;
    // Minimal: one non-ASCII character in the whole document; every other string (value or map
    // key) at most one character, numbers 0, arrays empty, booleans false.
    expect([...JSON.stringify(document)].filter((c) => /[^\x00-\x7f]/.test(c))).toHaveLength(1);
    for (const leaf of leaves(document)) {
      if (typeof leaf === 'string') expect([...leaf].length).toBeLessThanOrEqual(1);
      else if (leaf !== null) expect(leaf).toBeFalsy();
    }
    expect(result?.message).toMatch(/seed 1, shrink path "[\d:]+", plugin sha256 [0-9a-f]{64}; replay: plugcheck replay/);
  }, SLOW);

  it('writes a valid replay bundle that reproduces the trap in a fresh process', async () => {
    const written = await writeReplayBundles(await report, out);
    const bundlePath = join(out, 'repro-fuzz.valid-inputs.json');
    expect(written.map((w) => w.path)).toEqual([bundlePath]);
    expect(written[0]?.commands).toEqual([`npx plugcheck replay ${bundlePath}`, `npm test -- --replay ${bundlePath}`]);
    validateReplayBundle(JSON.parse(await readFile(bundlePath, 'utf8')), bundlePath);
    const replayed = await runPlugcheck(['replay', bundlePath], CLI);
    expect(replayed.stdout).toContain('reproduced');
    expect(replayed.stdout).toMatch(/FAIL\s+fuzz\.valid-inputs\s+replayed: `pre_hook` trapped \(unreachable\)/);
    expect(replayed.exitCode).toBe(1);
  }, SLOW);

  it('refuses to replay a bundle against a different plugin', async () => {
    const bundlePath = join(out, 'repro-fuzz.valid-inputs.json');
    const replayed = await runPlugcheck(['replay', bundlePath, '--plugin', join(PLUGINS_DIR, 'bifrost-v2-good-as.wasm')], CLI);
    expect(replayed.exitCode).toBe(2);
    expect(replayed.stderr).toContain('PLUGCHECK_BAD_REPLAY');
  }, SLOW);
});
