/**
 * End to end: `plugcheck inspect` on every bundled plugin, and the options of `plugcheck test`
 * that shape a run (`--reporter`, `--only`, `--help`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { bundledPlugins, lines, modulePath, readReport, removeTempDirs, runPlugcheck, sha256Of, tempDir } from '../support/plugcheck-cli.js';

const plugins = bundledPlugins();
const GOOD = 'plugins-under-test/bifrost-v2-good-wat.wasm';
/** A console line reporting one check: `  PASS    abi.compiles   …`. */
const CHECK_LINE = /^ {2}(PASS|FAIL|ERROR|SKIP|TIMEOUT) +[a-z]+\.[a-z0-9-]+/;

afterAll(removeTempDirs);

describe.concurrent('plugcheck inspect <bundled plugin>', () => {
  it('has bundled plugins to inspect', ({ expect }) => {
    expect(plugins.length).toBeGreaterThanOrEqual(8);
  });

  for (const plugin of plugins) {
    it(`${plugin.name}: names ${plugin.expectations.profile} and its dialect`, async ({ expect }) => {
      const [json, human] = await Promise.all([runPlugcheck(['inspect', '--json', plugin.wasm]), runPlugcheck(['inspect', plugin.wasm])]);
      expect(json.exitCode, json.stderr).toBe(0);
      expect(json.stderr).toBe('');
      const doc = JSON.parse(json.stdout) as { path: string; sha256: string; profile: string | null; dialect: Record<string, string> | null; nearMiss: unknown };
      expect(doc.path).toBe(modulePath(plugin.wasm));
      expect(doc.sha256).toBe(await sha256Of(plugin.wasm));
      expect(doc.profile).toBe(plugin.expectations.profile);
      expect(doc.dialect).toEqual(plugin.expectations.dialect);
      expect(doc.nearMiss).toBeNull();

      expect(human.exitCode, human.stderr).toBe(0);
      expect(human.stderr).toBe('');
      expect(human.stdout).toMatch(new RegExp(`^ {2}profile ${plugin.expectations.profile} \\(score [\\d.]+\\)`, 'm'));
      const dialect = Object.entries(plugin.expectations.dialect).map(([k, v]) => `${k}=${v}`).join(' ');
      expect(human.stdout).toContain(`dialect ${dialect}`);
      expect(human.stdout).not.toMatch(/no profile matched/);
    });
  }
});

describe.concurrent('plugcheck test options', () => {
  it('--reporter json prints no check lines and still writes the report', async ({ expect }) => {
    const out = await tempDir();
    const run = await runPlugcheck(['test', GOOD, '--reporter', 'json', '--out', out]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(lines(run.stdout).filter((l) => CHECK_LINE.test(l))).toEqual([]);
    expect(run.stdout).not.toMatch(/abi\.compiles/);
    expect(run.stdout.trim()).toBe(`json: ${join(out, 'plugcheck-report.json')}`);
    expect(existsSync(join(out, 'plugcheck-report.html')), 'no HTML report unless asked for').toBe(false);
    const report = await readReport(out);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.summary.passed).toBe(report.results.length);
  });

  it('--reporter console prints the check lines and writes no JSON report', async ({ expect }) => {
    const out = await tempDir();
    const run = await runPlugcheck(['test', GOOD, '--reporter', 'console', '--out', out]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(lines(run.stdout).filter((l) => CHECK_LINE.test(l)).length).toBeGreaterThanOrEqual(5);
    expect(run.stdout).not.toMatch(/^(report|json): /m);
    expect(existsSync(join(out, 'plugcheck-report.json'))).toBe(false);
    expect(existsSync(join(out, 'plugcheck-report.html'))).toBe(false);
  });

  it('--reporter bogus exits 2', async ({ expect }) => {
    const out = await tempDir();
    const run = await runPlugcheck(['test', GOOD, '--reporter', 'bogus', '--out', out]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^PLUGCHECK_USAGE: unknown reporter bogus/);
    expect(run.stdout).toBe('');
    expect(existsSync(join(out, 'plugcheck-report.json'))).toBe(false);
  });

  it('--only "abi.*" runs only the abi checks', async ({ expect }) => {
    const [only, all] = await Promise.all([tempDir(), tempDir()]);
    const [run, full] = await Promise.all([
      runPlugcheck(['test', GOOD, '--only', 'abi.*', '--out', only]),
      runPlugcheck(['test', GOOD, '--out', all]),
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(full.exitCode, full.stderr).toBe(0);
    const report = await readReport(only);
    const everything = await readReport(all);
    const abi = everything.results.map((r) => r.check).filter((c) => c.startsWith('abi.'));
    expect(abi.length).toBeGreaterThan(0);
    expect(abi.length).toBeLessThan(everything.results.length);
    expect(report.results.map((r) => r.check)).toEqual(abi);
    expect(report.summary.total).toBe(abi.length);
    const printed = lines(run.stdout).filter((l) => CHECK_LINE.test(l));
    expect(printed).toHaveLength(abi.length);
    expect(printed.every((l) => /^ {2}PASS +abi\./.test(l))).toBe(true);
  });

  it('--only takes a comma-separated list of globs', async ({ expect }) => {
    const out = await tempDir();
    const run = await runPlugcheck(['test', GOOD, '--only', 'abi.compiles,lifecycle.init', '--out', out]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect((await readReport(out)).results.map((r) => r.check)).toEqual(['abi.compiles', 'lifecycle.init']);
  });

  for (const command of ['test', 'inspect'] as const) {
    it(`${command} --help exits 0 with the usage`, async ({ expect }) => {
      const [long, short] = await Promise.all([runPlugcheck([command, '--help']), runPlugcheck([command, '-h'])]);
      expect(long.exitCode).toBe(0);
      expect(long.stderr).toBe('');
      expect(long.stdout).toMatch(new RegExp(`^Usage: plugcheck ${command} <plugin\\.wasm>`));
      expect(long.stdout).toMatch(/Exit codes: 0 /);
      if (command === 'test') expect(long.stdout).toMatch(/--only .*--reporter .*--timeout/s);
      else expect(long.stdout).toContain('--json');
      expect(short.exitCode).toBe(0);
      expect(short.stdout).toBe(long.stdout);
    });
  }

  it('plugcheck --help exits 0 and lists both commands', async ({ expect }) => {
    const run = await runPlugcheck(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^ {2}test <plugin\.wasm>/m);
    expect(run.stdout).toMatch(/^ {2}inspect <plugin\.wasm>/m);
  });
});
