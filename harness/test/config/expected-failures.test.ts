/**
 * Expected failures: attached to the results they name, met or not; stale entries reported;
 * `--update-expectations` keeps reasons and links, adds placeholders, drops what passes now.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyExpectedFailures, PLACEHOLDER_REASON, updatedExpectedFailures } from '../../src/config/expected-failures.js';
import { writeExpectedFailures } from '../../src/config/write-expected-failures.js';
import { reportPasses } from '../../src/report/result-verdict.js';
import { removeTempDirs, tempDir } from '../support/plugcheck-cli.js';
import { reportOf, reported } from '../support/report-fixture.js';

afterAll(removeTempDirs);

const report = reportOf([
  reported({ check: 'abi.compiles', status: 'passed', message: 'ok', durationMs: 0 }),
  reported({ check: 'lifecycle.init', status: 'failed', message: 'init returned 1', evidence: { r: 1 }, durationMs: 0 }),
  reported({ check: 'lifecycle.hooks-answer', status: 'timed-out', message: 'hung', evidence: { t: 1 }, durationMs: 0 }),
]);

describe('applyExpectedFailures', () => {
  it('marks met expectations, and the run passes when every failure is expected', () => {
    const { report: checked, problems } = applyExpectedFailures(report, {
      'lifecycle.init': { reason: 'init needs a config file', link: 'https://example.com/7' },
      'lifecycle.hooks-answer': { status: 'timed-out', reason: 'loops on seed example' },
    });
    expect(problems).toEqual([]);
    expect(checked.results[1]?.expectation).toEqual({ status: 'failed', reason: 'init needs a config file', link: 'https://example.com/7', met: true });
    expect(checked.results[2]?.expectation).toEqual({ status: 'timed-out', reason: 'loops on seed example', met: true });
    expect(checked.results[0]?.expectation).toBeUndefined();
    expect(checked.summary).toEqual(report.summary);
    expect(reportPasses(report)).toBe(false);
    expect(reportPasses(checked)).toBe(true);
  });

  it('fails the run for an expected failure that passes, one with another status, and an entry naming no check', () => {
    const { report: checked, problems } = applyExpectedFailures(report, {
      'abi.compiles': { reason: 'used to fail' },
      'lifecycle.hooks-answer': { status: 'failed', reason: 'wrong envelope' },
      'lifecycle.not-a-check': { reason: 'typo' },
      'manifest.valid': { reason: 'a FrankenTerm check, not one of bifrost-v2' },
      'lifecycle.init': { reason: 'known' },
    });
    expect(reportPasses(checked)).toBe(false);
    expect(problems).toEqual([
      'p.wasm: expectedFailures names "lifecycle.not-a-check", which is no check of profile bifrost-v2 — remove the entry (or run with --update-expectations)',
      'p.wasm: expectedFailures names "manifest.valid", which is no check of profile bifrost-v2 — remove the entry (or run with --update-expectations)',
      'p.wasm: abi.compiles was expected to be failed (used to fail) but is passed — it is fixed: remove the entry (or run with --update-expectations)',
      'p.wasm: lifecycle.hooks-answer was expected to be failed (wrong envelope) but is timed-out',
    ]);
  });

  it('leaves alone entries for checks this run did not run', () => {
    const { problems } = applyExpectedFailures(reportOf([]), { 'lifecycle.init': { reason: 'other shard' } });
    expect(problems).toEqual([]);
  });
});

describe('updatedExpectedFailures', () => {
  it('keeps reasons and links, adds placeholders, drops fixed and stale entries, keeps entries of checks not run', () => {
    const next = updatedExpectedFailures(report, {
      'lifecycle.init': { reason: 'kept reason', link: 'https://example.com/1' },
      'abi.compiles': { reason: 'fixed since' },
      'lifecycle.gone': { reason: 'stale' },
      'lifecycle.cleanup': { status: 'errored', reason: 'not run this time' },
    });
    expect(next).toEqual({
      'lifecycle.cleanup': { status: 'errored', reason: 'not run this time' },
      'lifecycle.init': { status: 'failed', reason: 'kept reason', link: 'https://example.com/1' },
      'lifecycle.hooks-answer': { status: 'timed-out', reason: PLACEHOLDER_REASON },
    });
  });
});

describe('writeExpectedFailures', () => {
  it('writes into the matching entry, turns a bare path into an object, keeps other keys, appends unknown plugins', async () => {
    const dir = await tempDir();
    const file = join(dir, 'plugcheck.config.json');
    await writeFile(file, JSON.stringify({ seed: 3, plugins: ['build/a.wasm', { path: 'build/b.wasm', profile: 'bifrost-v2', expectedFailures: { 'lifecycle.init': { reason: 'old' } } }] }));
    const rel = (p: string) => relative(process.cwd(), join(dir, p));
    const written = await writeExpectedFailures(file, [
      { plugin: rel('build/a.wasm'), expectedFailures: { 'lifecycle.init': { status: 'failed', reason: 'new' } } },
      { plugin: rel('build/b.wasm'), expectedFailures: {} },
      { plugin: rel('build/c.wasm'), expectedFailures: { 'abi.compiles': { status: 'failed', reason: 'x' } } },
    ]);
    expect(written).toBe(2);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      seed: 3,
      plugins: [
        { path: 'build/a.wasm', expectedFailures: { 'lifecycle.init': { status: 'failed', reason: 'new' } } },
        { path: 'build/b.wasm', profile: 'bifrost-v2' },
        { path: 'build/c.wasm', expectedFailures: { 'abi.compiles': { status: 'failed', reason: 'x' } } },
      ],
    });
  });

  it('creates the config when there is none', async () => {
    const file = join(await tempDir(), 'new.json');
    await writeExpectedFailures(file, [{ plugin: relative(process.cwd(), join(file, '..', 'p.wasm')), expectedFailures: {} }]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ plugins: ['p.wasm'] });
  });
});
