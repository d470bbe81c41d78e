/**
 * End to end: `npm test -- --plugin <plugin.wasm>`, the front door a plugin author uses. It runs
 * harness/bin/plugcheck-test.js, which starts a nested vitest over the conformance suites only.
 *
 * Recursion guard: the nested run must not collect this file (it would start another nested run).
 * The front door restricts a --plugin run to `suites/`, and the tests below assert that; in case
 * that ever breaks, the nested run is also marked with PLUGCHECK_E2E_NESTED and skips this file.
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { lines, ROOT, runNode, stripAnsi, TEST_BIN } from '../support/plugcheck-cli.js';

const NESTED = process.env['PLUGCHECK_E2E_NESTED'] === '1';

/** A user's environment: none of the outer vitest's or plugcheck's own variables leak in. */
function userEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('VITEST') && !key.startsWith('PLUGCHECK_')) env[key] = value;
  }
  // What `npm test` run from the repo root sets; dist and the plugins are built by the outer run.
  return { ...env, INIT_CWD: ROOT, PLUGCHECK_SKIP_BUILD: '1', PLUGCHECK_E2E_NESTED: '1', NO_COLOR: '1' };
}

async function frontDoor(plugin: string) {
  const run = await runNode(TEST_BIN, ['--plugin', plugin], { env: userEnv(), timeoutMs: 55_000 });
  const output = stripAnsi(`${run.stdout}\n${run.stderr}`);
  return { ...run, output };
}

/** The test files the nested vitest ran, from its per-file lines (`✓ suites/x.test.ts (n tests)`). */
function testFilesRun(output: string): string[] {
  return [...output.matchAll(/^\s*[✓❯×↓]\s+(\S+\.test\.ts) \(\d+ tests?\b/gmu)].map((m) => m[1] ?? '');
}

describe.skipIf(NESTED).concurrent('npm test -- --plugin <plugin.wasm>', () => {
  it('passes a good plugin: exit 0, ends with "N passed, 0 failed", ran suites/ only', { timeout: 150_000 }, async ({ expect }) => {
    const run = await frontDoor('plugins-under-test/bifrost-v2-good-c.wasm');
    expect(run.timedOut, run.output).toBe(false);
    expect(run.exitCode, run.output).toBe(0);
    expect(lines(stripAnsi(run.stdout)).at(-1)).toMatch(/^\d+ passed, 0 failed/);
    expect(lines(stripAnsi(run.stdout)).at(-1)).toMatch(/^[1-9]\d* passed/);
    // No recursion: only the conformance suites ran, not harness/test (this file included).
    expect(testFilesRun(run.output)).toEqual(['suites/conformance.test.ts']);
    expect(run.output).not.toContain('harness/test/');
    expect(run.output).toMatch(/Test Files\s+1 passed \(1\)/);
  });

  it('fails a faulty plugin: non-zero exit, names lifecycle.init and its replay command', { timeout: 150_000 }, async ({ expect }) => {
    const plugin = 'plugins-under-test/bifrost-v2-init-fails.wasm';
    const run = await frontDoor(plugin);
    expect(run.timedOut, run.output).toBe(false);
    expect(run.exitCode, run.output).not.toBe(0);
    expect(run.exitCode, run.output).toBeDefined();
    expect(run.output).toContain('lifecycle.init');
    expect(run.output).toMatch(/replay: npx plugcheck test \S+ --profile bifrost-v2 --only lifecycle\.init --seed \d+/);
    expect(run.output).toContain(`replay: npx plugcheck test ${join(ROOT, plugin)} `);
    expect(lines(stripAnsi(run.stdout)).at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed/);
    expect(testFilesRun(run.output)).toEqual(['suites/conformance.test.ts']);
    expect(run.output).not.toContain('harness/test/');
  });
});
