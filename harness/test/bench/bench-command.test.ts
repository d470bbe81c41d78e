/**
 * `plugcheck bench` end to end, through the real bin: the phase split of the good bifrost-v2
 * plugin as JSON (valid against schemas/bench-report.schema.json, written to --out, saved as a
 * baseline), the console table, a later run against that saved baseline (instruction counts
 * identical across processes, gate passed), the slow plugin failing the gate against it (exit 1),
 * an Extism plugin beside the plain SDK, and the usage errors. Small time budgets throughout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../src/bench/bench-report.js';
import { BENCH_PHASES } from '../../src/bench/bench-report.js';
import { BENCH_REPORT_SCHEMA_ID } from '../../src/bench/bench-report-file.js';
import { schemaRegistry } from '../../src/schema/schema-registry.js';
import { PLUGINS_DIR, runPlugcheck } from '../support/plugcheck-cli.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const QUICK = ['--time', '15', '--rounds', '1'];
let dir: string;
let first: BenchReport;
let firstStderr: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugcheck-bench-'));
  const run = await runPlugcheck(['bench', `${PLUGINS_DIR}/bifrost-v2-good-as.wasm`, '--sizes', '100,1k', ...QUICK, '--json', '--out', dir, '--save-baseline', join(dir, 'baseline.json')]);
  expect(run.exitCode, run.stderr).toBe(0);
  first = JSON.parse(run.stdout) as BenchReport;
  firstStderr = run.stderr;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('plugcheck bench <bifrost-v2 plugin> --json', () => {
  it('prints a report valid against the bench report schema, and writes it to --out and the baseline file', () => {
    const validate = schemaRegistry().validator(BENCH_REPORT_SCHEMA_ID);
    expect(validate?.(first), JSON.stringify(validate?.errors)).toBe(true);
    const written = JSON.parse(readFileSync(join(dir, 'plugcheck-bench.json'), 'utf8')) as BenchReport;
    expect(written.plugins[0]?.plugin.sha256).toBe(first.plugins[0]?.plugin.sha256);
    expect(existsSync(join(dir, 'baseline.json'))).toBe(true);
    expect(firstStderr).toMatch(/baseline saved: .*baseline\.json/);
    expect(firstStderr.trimEnd().split('\n').at(-1)).toMatch(/^report: .*plugcheck-bench\.html$/);
    expect(existsSync(join(dir, 'plugcheck-bench.html'))).toBe(true);
  });

  it('splits every size into the five phases with statistics, instructions and the floor ratio', () => {
    const hook = first.plugins[0]?.hooks[0];
    expect(hook?.hook).toBe('pre_hook');
    expect(hook?.sizes.map((s) => s.requestedBytes)).toEqual([100, 1024]);
    for (const size of hook?.sizes ?? []) {
      expect(size.phases.map((p) => p.phase)).toEqual([...BENCH_PHASES]);
      for (const p of size.phases) {
        expect(p.stats.samples).toBeGreaterThan(0);
        expect(p.stats.p99Us).toBeGreaterThanOrEqual(p.stats.p50Us);
      }
      expect(size.phases.find((p) => p.phase === 'execute')?.instructions).toBeGreaterThan(0);
      expect(size.phases.find((p) => p.phase === 'stringify')?.instructions).toBe(0);
      expect(size.instructions).toBe(size.phases.reduce((a, p) => a + p.instructions, 0));
      expect(size.floorRatio).toBeGreaterThan(0);
      expect(size.jsonShare).toBeGreaterThan(0);
      expect(size.jsonShare).toBeLessThan(1);
    }
    expect(hook?.sizes[1]?.inputBytes).toBe(1024);
    expect(hook?.fits.map((f) => f.series)).toContain('call');
  });
});

describe('plugcheck bench --baseline-file', () => {
  it('prints the table, finds the same instruction counts in a new process, and passes the gate', async () => {
    const out = join(dir, 'again');
    const run = await runPlugcheck(['bench', `${PLUGINS_DIR}/bifrost-v2-good-as.wasm`, '--sizes', '100,1k', ...QUICK, '--reporter', 'console,json', '--out', out, '--baseline-file', join(dir, 'baseline.json'), '--fail-on-regression', '5%']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/size\s+phase\s+mean µs\s+p50 µs\s+p99 µs\s+rme %\s+samples\s+instructions\s+× floor/);
    expect(run.stdout).toMatch(/→ call [\d.]+× the raw floor \(goal ≤ 1\.2×/);
    expect(run.stdout).toMatch(/A\/B against .*baseline\.json \(baseline-file/);
    expect(run.stdout).toContain('regression gate (5 %): passed');
    const again = JSON.parse(readFileSync(join(out, 'plugcheck-bench.json'), 'utf8')) as BenchReport;
    const counts = (r: BenchReport) => r.plugins[0]?.hooks[0]?.sizes.map((s) => s.phases.map((p) => p.instructions));
    expect(counts(again)).toEqual(counts(first));
    for (const row of again.comparison?.rows ?? []) expect(row.instructions.verdict).toBe('no-detectable-difference');
    expect(again.comparison?.method).toBe('baseline-file');
  });

  it('fails the gate (exit 1) for the slow plugin against the saved fast one', async () => {
    const run = await runPlugcheck(['bench', `${PLUGINS_DIR}/bifrost-v2-bench-slow.wasm`, '--sizes', '1k', ...QUICK, '--reporter', 'console', '--out', join(dir, 'slow'), '--baseline-file', join(dir, 'baseline.json'), '--fail-on-regression', '5%']);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stdout).toContain('regression gate (5 %): FAILED');
    expect(run.stdout).toMatch(/pre_hook at 1024 B: [\d]+ instructions per call, [\d.]+ % above the baseline's/);
  });
});

describe('plugcheck bench <extism plugin>', () => {
  it('measures the call beside a plain @extism/extism call, with instructions', async () => {
    const run = await runPlugcheck(['bench', `${PLUGINS_DIR}/extism-good.wasm`, '--hook', 'count_vowels', '--sizes', '100', ...QUICK, '--json', '--reporter', 'json', '--out', join(dir, 'extism')]);
    expect(run.exitCode, run.stderr).toBe(0);
    const size = (JSON.parse(run.stdout) as BenchReport).plugins[0]?.hooks[0]?.sizes[0];
    expect(size?.phases).toEqual([]);
    expect(size?.extism?.ratio).toBeGreaterThan(0);
    expect(size?.extism?.sdk.samples).toBeGreaterThan(0);
    expect(size?.instructions).toBeGreaterThan(0);
  });
});

describe('plugcheck bench usage errors', () => {
  it('refuses a gate without a baseline, and a profile it cannot bench', async () => {
    const gate = await runPlugcheck(['bench', `${PLUGINS_DIR}/bifrost-v2-good-as.wasm`, '--fail-on-regression', '5%']);
    expect(gate.exitCode).toBe(2);
    expect(gate.stderr).toMatch(/PLUGCHECK_USAGE: --fail-on-regression needs a baseline/);
    const midimon = await runPlugcheck(['bench', `${PLUGINS_DIR}/midimon-good-wat.wasm`]);
    expect(midimon.exitCode).toBe(2);
    expect(midimon.stderr).toMatch(/does not support profile midimon/);
  });
});
