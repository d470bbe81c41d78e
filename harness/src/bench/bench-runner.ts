/**
 * Runs a benchmark: the subject (and a baseline plugin, when given) on each hook at each payload
 * size — phase split, whole call, floor, instruction counts — then the A/B rounds, and assembles
 * the {@link BenchReport}. Progress lines go to `log` (stderr in the CLI) so stdout stays the table
 * or the JSON.
 */
import { cpus } from 'node:os';
import { UsageError } from '../errors.js';
import { PLUGCHECK_VERSION } from '../engine/version.js';
import type { BenchComparisonRow, BenchFit, BenchHookResult, BenchPluginResult, BenchReport, BenchSizeResult } from './bench-report.js';
import { BENCH_PHASES, BENCH_REPORT_SCHEMA_VERSION } from './bench-report.js';
import type { BenchTarget } from './bench-target.js';
import { comparison, comparisonRow, interleavedTime } from './compare-plugins.js';
import { linearFit } from './linear-fit.js';
import { measureHook } from './measure-hook.js';

/** Options of {@link runBench}. */
export interface RunBenchOptions {
  /** Hooks to bench; the subject's default hooks when absent or empty. */
  readonly hooks?: readonly string[];
  /** Payload sizes in bytes. */
  readonly sizes: readonly number[];
  /** Time per task per round, ms. */
  readonly timeMs: number;
  /** Rounds of the phase split. @defaultValue 3 */
  readonly rounds?: number;
  /** Interleaved A/B rounds per hook and size. @defaultValue 10 */
  readonly abRounds?: number;
  /** `--fail-on-regression`, in percent. */
  readonly failOnRegressionPct?: number;
  readonly log?: (line: string) => void;
}

/** The default payload sizes: 100 B, 1 KiB, 16 KiB, 64 KiB. */
export const DEFAULT_SIZES: readonly number[] = [100, 1024, 16 * 1024, 64 * 1024];

/** Fixed + per-KiB fits of every series across the sizes of one hook. */
export function fitsOf(sizes: readonly BenchSizeResult[]): BenchFit[] {
  const series = [...BENCH_PHASES, 'call', 'floor'] as const;
  const fits: BenchFit[] = [];
  for (const name of series) {
    const points = sizes.flatMap((s) => {
      const stats = name === 'call' ? s.call : name === 'floor' ? s.floor : s.phases.find((p) => p.phase === name)?.stats;
      return stats === undefined ? [] : [{ bytes: s.inputBytes, us: stats.p50Us }];
    });
    const fit = linearFit(name, points);
    if (fit !== undefined) fits.push(fit);
  }
  return fits;
}

/** Benchmarks `subject` (and `baseline`); resolves to the report (without a baseline-file comparison). */
export async function runBench(subject: BenchTarget, baseline: BenchTarget | undefined, options: RunBenchOptions): Promise<BenchReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const hooks = options.hooks !== undefined && options.hooks.length > 0 ? options.hooks : subject.defaultHooks;
  if (hooks.length === 0) {
    throw new UsageError(`${subject.plugin.path} has no hook to bench`, { expected: 'a plugin exporting a hook of its profile', received: 'none', fix: 'pass --hook <name>' });
  }
  const measure = { timeMs: options.timeMs, rounds: options.rounds ?? 3 };
  const subjectHooks: BenchHookResult[] = [];
  const baselineHooks: BenchHookResult[] = [];
  const rows: BenchComparisonRow[] = [];
  for (const hook of hooks) {
    const mine: BenchSizeResult[] = [];
    const theirs: BenchSizeResult[] = [];
    for (const bytes of options.sizes) {
      log(`bench ${hook} ${bytes} B: ${subject.plugin.path}`);
      const s = await subject.prepare(hook, bytes);
      mine.push(await measureHook(s, measure));
      if (baseline === undefined) continue;
      log(`bench ${hook} ${bytes} B: ${baseline.plugin.path} (baseline)`);
      const b = await baseline.prepare(hook, bytes);
      theirs.push(await measureHook(b, measure));
      log(`bench ${hook} ${bytes} B: A/B, ${options.abRounds ?? 10} interleaved rounds`);
      const time = await interleavedTime(s, b, { timeMs: options.timeMs, rounds: options.abRounds ?? 10 });
      rows.push(comparisonRow(hook, bytes, { subject: s.instructions.total, baseline: b.instructions.total }, time));
    }
    subjectHooks.push({ hook, sizes: mine, fits: fitsOf(mine) });
    if (baseline !== undefined) baselineHooks.push({ hook, sizes: theirs, fits: fitsOf(theirs) });
  }
  const plugins: BenchPluginResult[] = [{ role: 'subject', plugin: subject.plugin, hooks: subjectHooks }];
  if (baseline !== undefined) plugins.push({ role: 'baseline', plugin: baseline.plugin, hooks: baselineHooks });
  const cpu = cpus();
  return {
    schemaVersion: BENCH_REPORT_SCHEMA_VERSION,
    kind: 'plugcheck-bench',
    tool: { name: 'plugcheck', version: PLUGCHECK_VERSION, node: process.version },
    createdAt: new Date(started).toISOString(),
    machine: { platform: process.platform, arch: process.arch, cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? 'unknown' },
    options: { hooks, sizes: options.sizes, timeMs: options.timeMs, rounds: measure.rounds },
    plugins,
    ...(baseline === undefined ? {} : { comparison: comparison('interleaved', { path: baseline.plugin.path, sha256: baseline.plugin.sha256 }, rows, options.failOnRegressionPct) }),
    durationMs: Date.now() - started,
  };
}
