/**
 * `plugcheck test` driven by plugcheck.config.json, run as a user would in a plugin repository
 * (the real bin, cwd = the repository): plugins and settings from the config, flags overriding
 * it, expected failures gating the exit code, --update-expectations, and coded config errors.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, removeTempDirs, tempDir } from '../../support/plugcheck-cli.js';

afterAll(removeTempDirs);

/** Runs the bin in `cwd`, plain text, with `env` added. */
async function plugcheckIn(cwd: string, args: readonly string[], env: Record<string, string> = {}) {
  const r = await execa(process.execPath, [BIN, ...args], { cwd, reject: false, env: { NO_COLOR: '1', GITHUB_STEP_SUMMARY: '', ...env }, timeout: 120_000, stdin: 'ignore' });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

interface Report {
  readonly results: readonly { readonly check: string; readonly status: string; readonly expectation?: { readonly met: boolean; readonly reason: string; readonly link?: string } }[];
}

describe.concurrent('plugcheck test with plugcheck.config.json', () => {
  it('reads the config, gates on expected failures, and --update-expectations writes them', async () => {
    const repo = await tempDir();
    await mkdir(join(repo, 'build'));
    // lifecycle.cleanup fails; every other check of abi.* and lifecycle.* passes.
    await copyFile(join(ROOT, 'plugins-under-test', 'bifrost-v2-cleanup-fails.wasm'), join(repo, 'build', 'p.wasm'));
    const configFile = join(repo, 'plugcheck.config.json');
    await writeFile(configFile, JSON.stringify({ plugins: ['build/p.wasm'], only: ['abi.*', 'lifecycle.*'], out: 'out', seed: 3, thresholds: { maxPagesGrown: 4, maxRegressionPercent: 5 } }));
    const readReport = async () => JSON.parse(await readFile(join(repo, 'out', 'plugcheck-report.json'), 'utf8')) as Report;
    const summaryFile = join(repo, 'step-summary.md');

    const first = await plugcheckIn(repo, ['test', '--reporter', 'console,json,markdown'], { GITHUB_STEP_SUMMARY: summaryFile });
    expect(first.stderr).toBe('');
    expect(first.exitCode, first.stdout).toBe(1);
    expect(first.stdout).toContain('plugcheck build/p.wasm');
    expect(first.stdout).toContain('note: plugcheck.config.json sets thresholds.maxRegressionPercent, which this version of plugcheck validates but does not use yet');
    expect(first.stdout).toContain('--only lifecycle.cleanup --seed 3');
    const checks = (await readReport()).results.map((r) => r.check);
    expect(checks.every((c) => c.startsWith('abi.') || c.startsWith('lifecycle.'))).toBe(true);
    expect(await readFile(summaryFile, 'utf8')).toContain('- **lifecycle.cleanup** (failed)');

    const update = await plugcheckIn(repo, ['test', '--update-expectations', '--reporter', 'json']);
    expect(update.exitCode, update.stdout).toBe(0);
    expect(update.stdout).toContain('updated plugcheck.config.json: 1 expected failure (fill in the reason of any entry marked TODO)');
    const config = JSON.parse(await readFile(configFile, 'utf8')) as { plugins: { path: string; expectedFailures: Record<string, { status: string; reason: string; link?: string }> }[] };
    expect(config.plugins).toEqual([{ path: 'build/p.wasm', expectedFailures: { 'lifecycle.cleanup': { status: 'failed', reason: expect.stringMatching(/^TODO: /) } } }]);

    const entry = config.plugins[0]?.expectedFailures['lifecycle.cleanup'];
    if (entry === undefined) throw new Error('no entry written');
    entry.reason = 'cleanup returns 1 until the allocator rewrite';
    entry.link = 'https://example.com/issues/5';
    await writeFile(configFile, JSON.stringify(config));
    const expected = await plugcheckIn(repo, ['test']);
    expect(expected.exitCode, expected.stdout).toBe(0);
    expect(expected.stdout).toContain('expected: failed — cleanup returns 1 until the allocator rewrite (https://example.com/issues/5)');
    expect((await readReport()).results.find((r) => r.check === 'lifecycle.cleanup')?.expectation).toEqual({
      status: 'failed',
      reason: 'cleanup returns 1 until the allocator rewrite',
      link: 'https://example.com/issues/5',
      met: true,
    });
    // A second --update-expectations keeps the reason and link.
    await plugcheckIn(repo, ['test', '--update-expectations', '--reporter', 'json']);
    expect(JSON.parse(await readFile(configFile, 'utf8'))).toEqual(config);

    // Flags override the config: this run has no lifecycle.cleanup, so its expectation is not judged.
    const narrowed = await plugcheckIn(repo, ['test', '--only', 'lifecycle.*', '--skip', 'lifecycle.cleanup', '--reporter', 'json']);
    expect(narrowed.exitCode, narrowed.stdout).toBe(0);
    expect((await readReport()).results.map((r) => r.check)).toEqual(checks.filter((c) => c.startsWith('lifecycle.') && c !== 'lifecycle.cleanup'));

    // An expected failure that passes, and an entry naming no check, fail the run.
    const stale = structuredClone(config);
    const failures = stale.plugins[0]?.expectedFailures ?? {};
    failures['lifecycle.init'] = { status: 'failed', reason: 'was broken' };
    failures['lifecycle.renamed'] = { status: 'failed', reason: 'old id' };
    await writeFile(configFile, JSON.stringify(stale));
    const mismatch = await plugcheckIn(repo, ['test', '--reporter', 'console']);
    expect(mismatch.exitCode, mismatch.stdout).toBe(1);
    expect(mismatch.stdout).toContain('expectation build/p.wasm: expectedFailures names "lifecycle.renamed", which is no check of profile bifrost-v2');
    expect(mismatch.stdout).toContain('expectation build/p.wasm: lifecycle.init was expected to be failed (was broken) but is passed — it is fixed');
  });

  it('tests every plugin the config lists into one JUnit file and a JSON report each', async () => {
    const repo = await tempDir();
    for (const name of ['bifrost-v2-cleanup-fails', 'bifrost-v2-good-wat']) await copyFile(join(ROOT, 'plugins-under-test', `${name}.wasm`), join(repo, `${name}.wasm`));
    await writeFile(
      join(repo, 'ci.json'),
      JSON.stringify({ plugins: ['bifrost-v2-cleanup-fails.wasm', 'bifrost-v2-good-wat.wasm'], only: ['lifecycle.*'], reporters: ['json', { name: 'junit', out: 'junit' }] }),
    );
    const run = await plugcheckIn(repo, ['test', '--config', 'ci.json']);
    expect(run.stderr).toBe('');
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'json: reports/plugcheck-report.bifrost-v2-cleanup-fails.json',
      'json: reports/plugcheck-report.bifrost-v2-good-wat.json',
      'junit: junit/plugcheck-junit.xml',
    ]);
    const junit = await readFile(join(repo, 'junit', 'plugcheck-junit.xml'), 'utf8');
    expect(junit.match(/<testsuite name="[^"]+"/g)).toEqual(['<testsuite name="bifrost-v2-cleanup-fails.wasm"', '<testsuite name="bifrost-v2-good-wat.wasm"']);
    const good = JSON.parse(await readFile(join(repo, 'reports', 'plugcheck-report.bifrost-v2-good-wat.json'), 'utf8')) as Report;
    expect(good.results.filter((r) => r.status !== 'passed'), run.stdout).toEqual([]);
  });

  it('exits 2 naming the key of a bad config, or a --config that does not exist', async () => {
    const repo = await tempDir();
    await writeFile(join(repo, 'plugcheck.config.json'), JSON.stringify({ plugins: ['p.wasm'], reporters: ['console', { name: 'junit', dir: 'x' }] }));
    const bad = await plugcheckIn(repo, ['test']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^PLUGCHECK_BAD_CONFIG: plugcheck\.config\.json: "reporters\[1\]\.dir" is not a known key\n/);
    const missing = await plugcheckIn(repo, ['test', '--config', 'nope.json']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^PLUGCHECK_BAD_CONFIG: nope\.json: cannot be read/);
    const empty = await plugcheckIn(await tempDir(), ['test']);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toMatch(/^PLUGCHECK_USAGE: plugcheck test needs a plugin or a plugcheck\.config\.json/);
  });
});

describe('plugcheck --help', () => {
  it('documents every exit code', async () => {
    const help = await plugcheckIn(ROOT, ['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^  0  every check passed/m);
    expect(help.stdout).toMatch(/^  1  a check failed, errored or timed out, or an expectation did not hold/m);
    expect(help.stdout).toMatch(/^  2  plugcheck could not run/m);
    expect(help.stdout).toMatch(/^  merge <report\.json\.\.\.>/m);
  });
});
