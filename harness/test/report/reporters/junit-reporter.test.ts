/**
 * The JUnit file, read back by a real JUnit consumer (junit2json, the parser CI uploaders use):
 * counts equal the JSON report's for a real failing run, every status maps to the element a CI
 * viewer expects, and plugin text of any kind (markup, control characters) survives as text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'junit2json';
import type { TestSuites } from 'junit2json';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJunit } from '../../../src/report/reporters/junit-reporter.js';
import { readReport, removeTempDirs, runPlugcheck, tempDir } from '../../support/plugcheck-cli.js';
import { reportOf, reported } from '../../support/report-fixture.js';

afterAll(removeTempDirs);

async function parseJunit(xml: string): Promise<TestSuites> {
  const parsed = await parse(xml);
  if (parsed === undefined || parsed === null || !('testsuite' in parsed)) throw new Error(`not a <testsuites> document: ${xml.slice(0, 200)}`);
  return parsed as TestSuites;
}

describe('JUnit from a real failing run', () => {
  it('has the JSON report counts, one testcase per check in order, and the run properties', async () => {
    const out = await tempDir();
    // Few generated cases and no time budget: the fuzz failures are found the same way on any machine.
    const run = await runPlugcheck(['test', 'plugins-under-test/bifrost-v2-fuzz-non-ascii-trap.wasm', '--reporter', 'json,junit', '--out', out, '--runs', '30', '--fuzz-time', '600000']);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stdout).toContain(`junit: ${join(out, 'plugcheck-junit.xml')}`);
    const report = await readReport(out);
    const doc = await parseJunit(await readFile(join(out, 'plugcheck-junit.xml'), 'utf8'));
    const [suite, ...others] = doc.testsuite ?? [];
    expect(others).toEqual([]);
    const s = report.summary;
    expect(s.failed).toBeGreaterThan(0);
    expect(s.skipped).toBeGreaterThan(0);
    expect({ tests: doc.tests, failures: doc.failures, errors: doc.errors }).toEqual({ tests: s.total, failures: s.failed + s.timedOut, errors: s.errored });
    expect({ tests: suite?.tests, failures: suite?.failures, errors: suite?.errors, skipped: suite?.skipped }).toEqual({
      tests: s.total,
      failures: s.failed + s.timedOut,
      errors: s.errored,
      skipped: s.skipped,
    });
    const cases = suite?.testcase ?? [];
    expect(cases.map((c) => c.name)).toEqual(report.results.map((r) => r.check));
    expect(new Set(cases.map((c) => c.classname))).toEqual(new Set([report.plugin.profile]));
    // The elements themselves agree with the counts and with each result's status.
    expect(cases.filter((c) => c.failure !== undefined).length).toBe(s.failed + s.timedOut);
    expect(cases.filter((c) => c.skipped !== undefined).length).toBe(s.skipped);
    for (const [i, r] of report.results.entries()) {
      const c = cases[i];
      if (r.status === 'failed') {
        expect(c?.failure?.[0]?.type).toBe('failed');
        expect(c?.failure?.[0]?.message).toBe(r.message.split('\n')[0]);
        expect(c?.failure?.[0]?.inner).toContain(r.replay);
      }
    }
    // junit2json turns numeric-looking values into numbers; compare as text, the way the XML holds them.
    const props = Object.fromEntries((suite?.properties ?? []).map((p) => [p.name, String(p.value)]));
    expect(props).toMatchObject({ seed: String(report.options.seed), sha256: report.plugin.sha256, profile: report.plugin.profile, 'plugcheck.version': expect.any(String) });
    expect(props['dialect']).toBe(Object.entries(report.plugin.dialect).map(([k, v]) => `${k}=${v}`).join(' '));
  });
});

describe('formatJunit', () => {
  const hostile = 'name <img src=x onerror=alert(1)> & "quotes" ]]> \u0000nul \u0007bell \u001b[31m \uD800lone \uFFFE end';

  it('maps every status, and expectations, to the element a JUnit viewer expects', async () => {
    const report = reportOf([
      reported({ check: 'abi.compiles', status: 'passed', message: 'ok', durationMs: 1500 }),
      reported({ check: 'lifecycle.init', status: 'failed', message: 'init returned 1\nsecond line', evidence: { returned: 1 }, durationMs: 1 }),
      reported({ check: 'lifecycle.get-name', status: 'errored', message: 'plugcheck broke', durationMs: 1 }),
      reported({ check: 'lifecycle.hooks-answer', status: 'timed-out', message: 'call did not return', evidence: { timeoutMs: 5 }, durationMs: 5 }),
      reported({ check: 'lifecycle.cleanup', status: 'skipped', message: 'skipped because lifecycle.init failed', durationMs: 0 }),
      reported({ check: 'schema.name', status: 'failed', message: 'bad name', evidence: { name: 'x' }, durationMs: 0 }, { expectation: { status: 'failed', reason: 'known bug', link: 'https://example.com/1', met: true } }),
      reported({ check: 'semantics.no-data', status: 'passed', message: 'fine now', durationMs: 0 }, { expectation: { status: 'failed', reason: 'was broken', met: false } }),
    ]);
    const doc = await parseJunit(formatJunit([report]));
    const cases = doc.testsuite?.[0]?.testcase ?? [];
    const byName = Object.fromEntries(cases.map((c) => [c.name, c]));
    expect(byName['abi.compiles']?.failure ?? byName['abi.compiles']?.skipped ?? byName['abi.compiles']?.error).toBeUndefined();
    expect(byName['abi.compiles']?.time).toBe(1.5);
    expect(byName['lifecycle.init']?.failure?.[0]).toMatchObject({ type: 'failed', message: 'init returned 1' });
    expect(byName['lifecycle.init']?.failure?.[0]?.inner).toContain('"returned": 1');
    expect(byName['lifecycle.get-name']?.error?.[0]).toMatchObject({ type: 'errored', message: 'plugcheck broke' });
    expect(byName['lifecycle.hooks-answer']?.failure?.[0]).toMatchObject({ type: 'timed-out' });
    expect(byName['lifecycle.cleanup']?.skipped?.[0]?.message).toBe('skipped because lifecycle.init failed');
    // A failure the config expects does not fail the CI report; it says why it is expected.
    expect(byName['schema.name']?.failure).toBeUndefined();
    expect(byName['schema.name']?.skipped?.[0]?.message).toMatch(/^expected failed: known bug \(https:\/\/example\.com\/1\)/);
    // An expected failure that now passes fails the CI report.
    expect(byName['semantics.no-data']?.failure?.[0]?.type).toBe('expectation-not-met');
    expect(byName['semantics.no-data']?.failure?.[0]?.message).toMatch(/expected to be failed \(was broken\) but is passed/);
    expect(doc.testsuite?.[0]).toMatchObject({ tests: 7, failures: 3, errors: 1, skipped: 2 });
  });

  it('keeps any plugin text as text: markup escaped, characters XML 1.0 forbids made visible', async () => {
    const report = reportOf([reported({ check: 'lifecycle.get-name', status: 'failed', message: hostile, evidence: { name: hostile }, durationMs: 0 })], `dir/${hostile}.wasm`);
    const xml = formatJunit([report]);
    // No raw markup from the plugin, no forbidden character anywhere in the file.
    expect(xml).not.toContain('<img');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
    expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const doc = await parseJunit(xml);
    const suite = doc.testsuite?.[0];
    const visible = 'name <img src=x onerror=alert(1)> & "quotes" ]]> \\u0000nul \\u0007bell \\u001b[31m \\ud800lone \\ufffe end';
    expect(suite?.name).toBe(`dir/${visible}.wasm`);
    expect(suite?.testcase?.[0]?.failure?.[0]?.message).toBe(visible);
    expect(suite?.testcase?.[0]?.failure?.[0]?.inner).toContain(visible);
  });

  it('keeps line breaks and tabs inside attributes', async () => {
    const report = reportOf([reported({ check: 'lifecycle.cleanup', status: 'skipped', message: 'a\tb\nc', durationMs: 0 })]);
    const doc = await parseJunit(formatJunit([report]));
    expect(doc.testsuite?.[0]?.testcase?.[0]?.skipped?.[0]?.message).toBe('a\tb\nc');
  });

  it('writes one testsuite per plugin with totals over all of them', async () => {
    const a = reportOf([reported({ check: 'abi.compiles', status: 'failed', message: 'x', evidence: { e: 1 }, durationMs: 0 })], 'a.wasm');
    const b = reportOf([reported({ check: 'abi.compiles', status: 'passed', message: 'y', durationMs: 0 })], 'b.wasm', 'b'.repeat(64));
    const doc = await parseJunit(formatJunit([a, b]));
    expect(doc.testsuite?.map((s) => s.name)).toEqual(['a.wasm', 'b.wasm']);
    expect({ tests: doc.tests, failures: doc.failures }).toEqual({ tests: 2, failures: 1 });
  });
});
