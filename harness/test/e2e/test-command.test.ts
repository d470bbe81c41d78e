/**
 * End to end: `plugcheck test` on every bundled plugin, run as a user would (the real bin in a
 * child process), checked against the plugin's expectations file and the JSON report on disk.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExpectStatic } from 'vitest';
import {
  bundledPlugins,
  expectedStatus,
  isGood,
  lines,
  readReport,
  removeTempDirs,
  replayArgs,
  replayLines,
  ROOT,
  runPlugcheck,
  sha256Of,
  tempDir,
} from '../support/plugcheck-cli.js';
import type { BundledPlugin, JsonReport } from '../support/plugcheck-cli.js';

const plugins = bundledPlugins();
const good = plugins.filter(isGood);
const faulty = plugins.filter((p) => !isGood(p));
const LOOP_FOREVER = 'bifrost-v2-loop-forever';
/** The limit hanging plugins are run with (the profile's defaults are seconds long). */
const SHORT_TIMEOUT_MS = 1000;

/**
 * A plugin whose fuzz checks hang: each hanging case is shrunk, one time limit per step, in this run
 * and again in its replay — minutes on a loaded CI machine rather than the suite's default limit.
 */
const HANGING_FUZZ_TEST_MS = 360_000;
const fuzzHangs = (plugin: BundledPlugin): boolean => Object.entries(plugin.expectations.checks).some(([id, status]) => id.startsWith('fuzz.') && status === 'timed-out');

/** Short limits for a plugin expected to hang (any check expected `timed-out`), else none. */
function limitArgs(plugin: BundledPlugin): string[] {
  const hangs = Object.values(plugin.expectations.checks).includes('timed-out');
  return hangs ? ['--timeout', String(SHORT_TIMEOUT_MS), '--instantiate-timeout', String(SHORT_TIMEOUT_MS)] : [];
}

const STATUSES = ['passed', 'failed', 'errored', 'skipped', 'timed-out'];
const isBad = (status: string): boolean => status === 'failed' || status === 'errored' || status === 'timed-out';

afterAll(removeTempDirs);

/** The fields every report must have, with a summary that adds up to its results. */
function expectWellFormed(expect: ExpectStatic, report: JsonReport, plugin: BundledPlugin, limits: readonly string[] = []): void {
  const count = (status: string) => report.results.filter((r) => r.status === status).length;
  expect(report.summary).toEqual({
    total: report.results.length,
    passed: count('passed'),
    failed: count('failed'),
    errored: count('errored'),
    skipped: count('skipped'),
    timedOut: count('timed-out'),
  });
  expect(report.results.length).toBeGreaterThan(0);
  expect(new Set(report.results.map((r) => r.check)).size, 'check ids are unique').toBe(report.results.length);
  for (const r of report.results) {
    expect(r.check).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
    expect(STATUSES).toContain(r.status);
    expect(typeof r.message, `${r.check} message`).toBe('string');
    expect(r.message.length, `${r.check} message`).toBeGreaterThan(0);
    // Re-runs just this check, on this plugin, with this seed and any non-default limit.
    const base = `npx plugcheck test ${plugin.wasm} --profile ${report.plugin.profile} --only ${r.check} --seed ${report.options.seed}`;
    expect(r.replay.startsWith(base), `${r.check} replay: ${r.replay}`).toBe(true);
    expect(flagPairs(r.replay.slice(base.length).trim().split(/\s+/).filter(Boolean)), `${r.check} replay: ${r.replay}`).toEqual(flagPairs(limits));
    if (r.status === 'failed' || r.status === 'timed-out') {
      expect(r.evidence, `${r.check} evidence`).toBeTypeOf('object');
      expect(r.evidence, `${r.check} evidence`).not.toBeNull();
      expect(Object.keys(r.evidence ?? {}).length, `${r.check} evidence`).toBeGreaterThan(0);
    }
  }
}

/** `--flag value` pairs, sorted: flag order does not matter. */
function flagPairs(args: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push(`${args[i]} ${args[i + 1] ?? ''}`);
  return pairs.sort();
}

/** The plugin section of the report against the expectations file and the file on disk. */
async function expectPluginSection(expect: ExpectStatic, report: JsonReport, plugin: BundledPlugin): Promise<void> {
  expect(report.plugin.path).toBe(plugin.wasm);
  expect(basename(report.plugin.path)).toBe(plugin.expectations.plugin);
  expect(report.plugin.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(report.plugin.sha256).toBe(await sha256Of(plugin.wasm));
  expect(report.plugin.profile).toBe(plugin.expectations.profile);
  expect(report.plugin.dialect).toEqual(plugin.expectations.dialect);
}

/** check → status, for whole-report comparisons with readable diffs. */
const statusMap = (report: JsonReport): Record<string, string> => Object.fromEntries(report.results.map((r) => [r.check, r.status]));

it('finds good and faulty bundled plugins, loop-forever among them', () => {
  expect(good.length).toBeGreaterThanOrEqual(3);
  expect(faulty.length).toBeGreaterThanOrEqual(5);
  expect(faulty.map((p) => p.name)).toContain(LOOP_FOREVER);
});

describe.concurrent('plugcheck test <good plugin>', () => {
  for (const plugin of good) {
    it(`${plugin.name}: exit 0, report matches the expectations`, async ({ expect }) => {
      const out = await tempDir();
      const run = await runPlugcheck(['test', plugin.wasm, '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.exitCode, run.stdout).toBe(0);
      // The HTML report's path is the last line, the JSON report's the one before.
      expect(lines(run.stdout).slice(-2)).toEqual([`json: ${join(out, 'plugcheck-report.json')}`, `report: ${join(out, 'plugcheck-report.html')}`]);

      const report = await readReport(out);
      await expectPluginSection(expect, report, plugin);
      expect(report.plugin.profileSource).toBe('detected');
      expectWellFormed(expect, report, plugin);
      // Every check passes, but for those the expectations list as skipped (they do not apply).
      expect(report.results.every((r) => r.status === expectedStatus(plugin.expectations, r.check)), JSON.stringify(statusMap(report))).toBe(true);
      expect(report.summary.passed + report.summary.skipped).toBe(report.summary.total);
      // The header names what the report does; no failure means no replay lines.
      expect(run.stdout).toContain(`sha256 ${report.plugin.sha256}`);
      expect(run.stdout).toMatch(new RegExp(`^  profile ${plugin.expectations.profile} \\(detected\\)`, 'm'));
      expect(replayLines(run.stdout)).toEqual([]);
    });
  }
});

describe.concurrent('plugcheck test <faulty plugin>', () => {
  for (const plugin of faulty) {
    it(`${plugin.name}: exit 1, statuses exactly as expected, replay reproduces`, async ({ expect }) => {
      const out = await tempDir();
      // A hanging plugin would spend the profile's multi-second limits; loop-forever's own test covers --timeout.
      const limits = limitArgs(plugin);
      const run = await runPlugcheck(['test', plugin.wasm, '--out', out, ...limits]);
      expect(run.stderr).toBe('');
      expect(run.exitCode, run.stdout).toBe(1);
      expect(lines(run.stdout).slice(-2)).toEqual([`json: ${join(out, 'plugcheck-report.json')}`, `report: ${join(out, 'plugcheck-report.html')}`]);

      const report = await readReport(out);
      await expectPluginSection(expect, report, plugin);
      expectWellFormed(expect, report, plugin, limits);
      const actual = statusMap(report);
      const wanted = Object.fromEntries(report.results.map((r) => [r.check, expectedStatus(plugin.expectations, r.check)]));
      expect(actual).toEqual(wanted);
      expect(Object.keys(plugin.expectations.checks).filter((id) => !(id in actual)), 'listed checks that did not run').toEqual([]);

      // The console prints one replay per failure, the same commands as the JSON report.
      const bad = report.results.filter((r) => isBad(r.status));
      expect(bad.length).toBeGreaterThan(0);
      const printed = replayLines(run.stdout);
      expect(printed).toEqual(bad.map((r) => r.replay));
      const first = bad[0];
      const command = printed[0];
      if (first === undefined || command === undefined) throw new Error('no failure to replay');
      expect(command.startsWith('npx plugcheck ')).toBe(true);

      // Run it as printed (`npx plugcheck` = this bin), into its own directory.
      const replayOut = await tempDir();
      const again = await runPlugcheck([...replayArgs(command), '--out', replayOut]);
      expect(again.stderr).toBe('');
      expect(again.exitCode, again.stdout).toBe(1);
      const replayed = await readReport(replayOut);
      expect(replayed.results.map((r) => [r.check, r.status])).toEqual([[first.check, first.status]]);
      expect(replayed.plugin.sha256).toBe(report.plugin.sha256);
      expect(replayed.plugin.profileSource).toBe('forced');
      expect(replayed.options.seed).toBe(report.options.seed);
      expect(replayLines(again.stdout)).toEqual([command]);
    }, fuzzHangs(plugin) ? HANGING_FUZZ_TEST_MS : undefined);
  }
});

describe('plugcheck test <loop-forever> --timeout', () => {
  it(`times the hook out at ${SHORT_TIMEOUT_MS} ms, replaces the worker and finishes the run`, async () => {
    const plugin = faulty.find((p) => p.name === LOOP_FOREVER);
    if (plugin === undefined) throw new Error(`${LOOP_FOREVER} is not bundled`);
    const out = await tempDir();
    const run = await runPlugcheck(['test', plugin.wasm, '--timeout', String(SHORT_TIMEOUT_MS), '--out', out]);
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    // --timeout applied: the evidence below shows the hang cut off after 1000 ms, not the profile's 5000
    // (the command's own wall time is not asserted: it depends on how loaded the machine is).

    const report = await readReport(out);
    expect(report.options.callTimeoutMs).toBe(SHORT_TIMEOUT_MS);
    const checks = report.results.map((r) => r.check);
    const hooks = report.results.find((r) => r.check === 'lifecycle.hooks-answer');
    expect(hooks?.status).toBe('timed-out');
    const evidence = hooks?.evidence ?? {};
    expect(evidence['timeoutMs']).toBe(SHORT_TIMEOUT_MS);
    expect(evidence['elapsedMs']).toBeTypeOf('number');
    expect(evidence['elapsedMs'] as number).toBeGreaterThanOrEqual(SHORT_TIMEOUT_MS);
    expect(evidence['elapsedMs'] as number).toBeLessThanOrEqual(SHORT_TIMEOUT_MS + 1000);
    expect(report.summary.timedOut).toBe(1);

    // The check after the hang still ran, in a fresh worker.
    const cleanup = report.results.find((r) => r.check === 'lifecycle.cleanup');
    expect(cleanup?.status).toBe('passed');
    expect(checks.indexOf('lifecycle.cleanup')).toBeGreaterThan(checks.indexOf('lifecycle.hooks-answer'));
    expect(run.stdout).toMatch(/^ {2}TIMEOUT lifecycle\.hooks-answer /m);
    expect(run.stdout).toMatch(/^ {2}PASS {4}lifecycle\.cleanup /m);
    expect(run.stdout).toMatch(/1 timed out/);
  });
});

describe('plugcheck test: replay of a plugin whose path needs shell quoting', () => {
  it('prints a replay command that a shell runs back to the same result', async () => {
    const plugin = faulty.find((p) => p.name === 'bifrost-v2-init-fails');
    if (plugin === undefined) throw new Error('bifrost-v2-init-fails is not bundled');
    const dir = join(await tempDir(), "it's a dir");
    await mkdir(dir);
    const copy = join(dir, 'my plugin.wasm');
    await copyFile(join(ROOT, plugin.wasm), copy);
    const out = await tempDir();
    const run = await runPlugcheck(['test', copy, '--out', out]);
    expect(run.exitCode, run.stderr).toBe(1);
    const [command] = replayLines(run.stdout);
    expect(command).toBeDefined();
    expect(replayArgs(command ?? '').slice(0, 2)).toEqual(['test', copy]);
    // Paste it into a shell, with `npx plugcheck` standing for this checkout's bin.
    const pasted = (command ?? '').replace(/^npx plugcheck /, `'${process.execPath}' harness/bin/plugcheck.js `);
    const again = await execa('sh', ['-c', `${pasted} --out '${await tempDir()}'`], { cwd: ROOT, reject: false, env: { NO_COLOR: '1' } });
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(1);
    expect(lines(again.stdout).filter((l) => /^ {2}(PASS|FAIL|SKIP|ERROR|TIMEOUT) /.test(l))).toEqual([
      expect.stringMatching(/^ {2}FAIL {4}lifecycle\.init /),
    ]);
  });
});
