/**
 * Sharded runs merged equal an unsharded run (durations aside), and merge refuses reports that do
 * not belong to one run: a missing or repeated shard, mixed options, overlapping checks.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCheck } from '../../src/checks/index.js';
import { mergeReports } from '../../src/report/merge-reports.js';
import type { ReportFile } from '../../src/report/merge-reports.js';
import type { RunReport } from '../../src/report/run-report.js';
import { ConfigError } from '../../src/errors.js';
import { removeTempDirs, runPlugcheck, tempDir } from '../support/plugcheck-cli.js';
import { reportOf, reported } from '../support/report-fixture.js';

afterAll(removeTempDirs);

/** A plugin with a failure (lifecycle.get-name) and checks skipped because of it; its fuzz checks pass. */
const PLUGIN = 'plugins-under-test/bifrost-v2-bad-name.wasm';
/** Few generated cases and no time budget, so the seeded fuzz checks search the same cases on any machine. */
const FUZZ = ['--runs', '30', '--fuzz-time', '600000'];
const SHARDS = 3;

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as RunReport;

/** A report with every duration zeroed, including the ones messages quote (`compiled 2102 bytes in 28.0 ms`). */
function withoutDurations(report: RunReport): unknown {
  return {
    ...report,
    durationMs: 0,
    results: report.results.map((r) => ({ ...r, durationMs: 0, message: r.message.replace(/\d+(\.\d+)? ms\b/g, 'N ms') })),
  };
}

describe('plugcheck test --shard + plugcheck merge', () => {
  it('merged shards equal the unsharded run, and each shard runs the dependencies of what it reports', async () => {
    const dir = await tempDir();
    const runs = await Promise.all([
      runPlugcheck(['test', PLUGIN, '--reporter', 'json', '--out', join(dir, 'whole'), ...FUZZ]),
      ...Array.from({ length: SHARDS }, (_, i) => runPlugcheck(['test', PLUGIN, '--shard', `${i + 1}/${SHARDS}`, '--reporter', 'json', '--out', join(dir, `shard-${i + 1}`), ...FUZZ])),
    ]);
    for (const run of runs) expect(run.stderr).toBe('');
    const whole = await readJson(join(dir, 'whole', 'plugcheck-report.json'));
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, i) => readJson(join(dir, `shard-${i + 1}`, 'plugcheck-report.json'))));

    // The plugin fails, a check is skipped because of a failure reported by another shard, and the
    // seeded fuzz checks run.
    expect(whole.summary.failed).toBeGreaterThan(0);
    const ids = whole.results.map((r) => r.check);
    const shardOf = (id: string) => ids.indexOf(id) % SHARDS;
    const skippedAcross = whole.results.filter(
      (r) => r.status === 'skipped' && (findCheck(r.check, whole.plugin.profile)?.dependsOn ?? []).some((dep) => ids.includes(dep) && shardOf(dep) !== shardOf(r.check)),
    );
    expect(skippedAcross.length, JSON.stringify(whole.results.map((r) => [r.check, r.status]))).toBeGreaterThan(0);
    expect(ids.filter((id) => id.startsWith('fuzz.')).length).toBeGreaterThan(0);
    for (const [i, shard] of shards.entries()) {
      expect(shard.options.shard).toEqual({ index: i + 1, count: SHARDS });
      expect(shard.results.map((r) => r.check)).toEqual(ids.filter((_, k) => k % SHARDS === i));
      // A shard fails (exit 1) exactly when it reports a failure.
      expect(runs[i + 1]?.exitCode).toBe(shard.summary.failed + shard.summary.errored + shard.summary.timedOut > 0 ? 1 : 0);
    }

    const merge = await runPlugcheck(['merge', ...shards.map((_, i) => join(dir, `shard-${i + 1}`, 'plugcheck-report.json')), '--reporter', 'json', '--out', join(dir, 'merged')]);
    expect(merge.stderr).toBe('');
    expect(merge.exitCode).toBe(1);
    const merged = await readJson(join(dir, 'merged', 'plugcheck-report.json'));
    expect(merged.options.shard).toBeUndefined();
    expect(withoutDurations(merged)).toEqual(withoutDurations(whole));
  });

  it('exits 2 with a coded message for a missing shard or a file that is not a report', async () => {
    const dir = await tempDir();
    const shard = reportOf([reported({ check: 'abi.compiles', status: 'passed', message: 'ok', durationMs: 0 })]);
    await writeFile(join(dir, 'one.json'), JSON.stringify({ ...shard, options: { ...shard.options, shard: { index: 1, count: 2 } } }));
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ schemaVersion: 1, results: 'no' }));
    const missing = await runPlugcheck(['merge', join(dir, 'one.json')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^PLUGCHECK_BAD_REPORT: shard 2\/2 of p\.wasm is missing/);
    const bad = await runPlugcheck(['merge', join(dir, 'bad.json')]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^PLUGCHECK_BAD_REPORT: .*bad\.json: /);
    const none = await runPlugcheck(['merge']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/^PLUGCHECK_USAGE: plugcheck merge needs the reports to merge/);
  });
});

describe('mergeReports', () => {
  const r = (check: string) => reported({ check, status: 'passed', message: 'ok', durationMs: 1 });
  const shardFile = (file: string, checks: string[], index: number, count: number, report: RunReport = reportOf(checks.map(r))): ReportFile => ({
    file,
    report: { ...report, options: { ...report.options, shard: { index, count } } },
  });

  it('orders results canonically, recomputes the summary and drops the shard', () => {
    const failing = reported({ check: 'abi.compiles', status: 'failed', message: 'no', evidence: { e: 1 }, durationMs: 1 });
    const [merged, ...rest] = mergeReports([shardFile('b', ['lifecycle.init'], 2, 2), shardFile('a', [], 1, 2, reportOf([failing, r('abi.memory-exported')]))]);
    expect(rest).toEqual([]);
    expect(merged?.results.map((x) => x.check)).toEqual(['abi.compiles', 'abi.memory-exported', 'lifecycle.init']);
    expect(merged?.summary).toEqual({ total: 3, passed: 2, failed: 1, errored: 0, skipped: 0, timedOut: 0 });
    expect(merged?.options.shard).toBeUndefined();
    expect(merged?.durationMs).toBe(24);
  });

  it('merges each plugin separately', () => {
    const a = reportOf([r('abi.compiles')], 'a.wasm');
    const b = reportOf([r('abi.compiles')], 'b.wasm', 'b'.repeat(64));
    expect(mergeReports([{ file: 'a', report: a }, { file: 'b', report: b }]).map((m) => m.plugin.path)).toEqual(['a.wasm', 'b.wasm']);
  });

  const refused = (files: ReportFile[]): string => {
    try {
      mergeReports(files);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).code).toBe('PLUGCHECK_BAD_REPORT');
      return (error as Error).message;
    }
    throw new Error('merge accepted reports it should refuse');
  };

  it('refuses repeated, missing, mismatched or mixed shards and overlapping checks', () => {
    expect(refused([shardFile('a', ['abi.compiles'], 1, 2)])).toBe('shard 2/2 of p.wasm is missing');
    expect(refused([shardFile('a', ['abi.compiles'], 1, 1), shardFile('b', ['lifecycle.init'], 1, 1)])).toBe('shard 1/1 of p.wasm is given twice');
    expect(refused([shardFile('a', ['abi.compiles'], 1, 2), shardFile('b', ['lifecycle.init'], 2, 3)])).toMatch(/^b is a shard of 3, the others of 2/);
    expect(refused([shardFile('a', ['abi.compiles'], 1, 2), { file: 'w', report: reportOf([r('lifecycle.init')]) }])).toMatch(/^w is a whole run of p\.wasm/);
    expect(refused([{ file: 'a', report: reportOf([r('abi.compiles')]) }, { file: 'b', report: reportOf([r('abi.compiles')]) }])).toBe('abi.compiles of p.wasm is in both a and b');
    const other = reportOf([r('lifecycle.init')]);
    expect(refused([shardFile('a', ['abi.compiles'], 1, 2), shardFile('b', [], 2, 2, { ...other, options: { ...other.options, seed: 8 } })])).toMatch(/^b and a test p\.wasm with different options/);
  });
});
