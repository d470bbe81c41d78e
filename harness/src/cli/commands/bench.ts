/**
 * `plugcheck bench <plugin>`: where each call's time goes (stringify, copy in, execute, copy out,
 * parse) at several payload sizes, against the raw floor measured in the same run, with the
 * deterministic instruction count beside every time; optionally A/B against a baseline plugin or
 * a saved report, with a regression gate. docs/bench.md explains every figure.
 */
import { UsageError } from '../../errors.js';
import type { BenchReport } from '../../bench/bench-report.js';
import { renderBenchConsole } from '../../bench/bench-console.js';
import { readBenchReportFile, writeBenchJson, writeBenchReportFile } from '../../bench/bench-report-file.js';
import { DEFAULT_SIZES, runBench } from '../../bench/bench-runner.js';
import type { BenchTarget } from '../../bench/bench-target.js';
import { BifrostBenchTarget } from '../../bench/bifrost-bench-target.js';
import { compareWithBaselineFile } from '../../bench/compare-plugins.js';
import { ExtismBenchTarget } from '../../bench/extism-bench-target.js';
import { loadPlugin } from '../../engine/load-plugin.js';
import { resolveProfile } from '../../engine/resolve-profile.js';
import { writeBenchHtmlReport } from '../../report/reporters/html-reporter.js';
import { intOption, listOption, onePlugin, parseOptions } from '../parse-options.js';
import { styleFor } from '../style.js';

/** Reporters `plugcheck bench` knows. */
export const BENCH_REPORTERS = ['console', 'json', 'html'] as const;

/** Usage text of `plugcheck bench`. */
export const BENCH_USAGE = `Usage: plugcheck bench <plugin.wasm> [options]

Measures where each call's time goes — host stringify, copy in (guest malloc + write), guest
execution, copy out (read + free), host parse — at several payload sizes, each as a ratio to the
raw floor measured in the same run, with the guest instruction count of every phase (identical on
every run). Extism plugins are measured against a plain @extism/extism call instead.

Options:
  --hook <list>              hooks (or Extism exports) to bench (default: pre_hook, or the first one)
  --sizes <list>             payload sizes: bytes, or with k/KiB (default: 100,1k,16k,64k)
  --time <ms>                time per task per round (default: 200)
  --rounds <n>               rounds of the phase split (default: 3)
  --baseline <y.wasm>        A/B against another plugin: interleaved in this process
  --baseline-file <f.json>   A/B against a saved report (--save-baseline, or a plugcheck-bench.json)
  --ab-rounds <n>            interleaved A/B rounds per hook and size (default: 10)
  --fail-on-regression <p%>  exit 1 when instructions rise more than p % over the baseline, or when
                             time is slower with its whole 99 % interval above max(p, 5) %
  --save-baseline <f.json>   also write this run's report to f.json, for a later --baseline-file
  --profile <id>             use this profile instead of the detected one
  --reporter <list>          ${BENCH_REPORTERS.join(',')} (default: console,json,html)
  --out <dir>                report directory (default: reports)
  --json                     print the JSON report on stdout instead of the table

Exit codes: 0 done (gate passed), 1 the regression gate failed, 2 plugcheck could not run.`;

/** Parses a size: `100`, `1k`, `16K`, `64KiB`, `1kb`, `1m`. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|kib|m|mb|mib|b)?$/i.exec(text.trim());
  const unit = (m?.[2] ?? 'b').toLowerCase();
  const n = m === null ? Number.NaN : Number(m[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1);
  if (!Number.isFinite(n) || n < 1 || n > 64 * 1024 * 1024 || !Number.isInteger(Math.round(n))) {
    throw new UsageError(`--sizes: "${text}" is not a payload size`, { expected: 'bytes (100) or with k/KiB (1k, 64KiB), at most 64m', received: text, fix: 'pass e.g. --sizes 100,1k,16k,64k' });
  }
  return Math.round(n);
}

/** Parses `5%` or `5` into percent. */
export function parsePercent(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  const n = m === null ? Number.NaN : Number(m[1]);
  if (!Number.isFinite(n) || n < 0 || n > 1000) {
    throw new UsageError(`--fail-on-regression: "${text}" is not a percentage`, { expected: 'a percentage such as 5%', received: text, fix: 'pass e.g. --fail-on-regression 5%' });
  }
  return n;
}

async function target(path: string, forcedProfile: string | undefined): Promise<BenchTarget> {
  const plugin = await loadPlugin(path);
  const { profile, dialect } = resolveProfile(plugin.module, plugin.path, forcedProfile, plugin.manifest);
  if (profile.family === 'bifrost') return BifrostBenchTarget.create(plugin, profile, dialect);
  if (profile.id === 'extism') return ExtismBenchTarget.create(plugin, profile, dialect);
  throw new UsageError(`plugcheck bench does not support profile ${profile.id} yet`, {
    expected: 'a bifrost-v1, bifrost-v2 or extism plugin',
    received: `${plugin.path} (${profile.id})`,
    fix: 'bench a Bifrost or Extism plugin; other profiles have no JSON call path to measure',
  });
}

/** Runs the command; returns the exit code. */
export async function benchCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('bench', args, {
    hook: { type: 'string' },
    sizes: { type: 'string' },
    time: { type: 'string' },
    rounds: { type: 'string' },
    baseline: { type: 'string' },
    'baseline-file': { type: 'string' },
    'ab-rounds': { type: 'string' },
    'fail-on-regression': { type: 'string' },
    'save-baseline': { type: 'string' },
    profile: { type: 'string' },
    reporter: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values['help'] === true) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const pluginPath = onePlugin('bench', positionals);
  const baselinePath = str('baseline');
  const baselineFile = str('baseline-file');
  if (baselinePath !== undefined && baselineFile !== undefined) {
    throw new UsageError('--baseline and --baseline-file exclude each other', { expected: 'one baseline', received: 'both', fix: 'compare with a plugin (--baseline y.wasm) or with a saved report (--baseline-file f.json)' });
  }
  const gate = str('fail-on-regression');
  const thresholdPct = gate === undefined ? undefined : parsePercent(gate);
  if (thresholdPct !== undefined && baselinePath === undefined && baselineFile === undefined) {
    throw new UsageError('--fail-on-regression needs a baseline', { expected: '--baseline y.wasm or --baseline-file f.json', received: 'no baseline', fix: 'add --baseline-file baseline.json (saved earlier with --save-baseline)' });
  }
  const reporters = str('reporter') === undefined ? [...BENCH_REPORTERS] : listOption(str('reporter'));
  const unknown = reporters.filter((r) => !(BENCH_REPORTERS as readonly string[]).includes(r));
  if (unknown.length > 0) throw new UsageError(`unknown reporter ${unknown.join(', ')}`, { expected: BENCH_REPORTERS.join(', '), received: unknown.join(', '), fix: 'pass --reporter console,json,html' });
  const sizes = str('sizes') === undefined ? DEFAULT_SIZES : listOption(str('sizes')).map(parseSize);
  const timeMs = intOption('time', values['time'], 1, 600_000) ?? 200;
  const rounds = intOption('rounds', values['rounds'], 1, 1000) ?? 3;
  const abRounds = intOption('ab-rounds', values['ab-rounds'], 2, 1000) ?? 10;
  const outDir = str('out') ?? 'reports';
  const json = values['json'] === true;
  const saved = baselineFile === undefined ? undefined : await readBenchReportFile(baselineFile);

  const subject = await target(pluginPath, str('profile'));
  const baseline = baselinePath === undefined ? undefined : await target(baselinePath, str('profile'));
  let report: BenchReport;
  try {
    report = await runBench(subject, baseline, {
      hooks: str('hook') === undefined ? undefined : listOption(str('hook')),
      sizes,
      timeMs,
      rounds,
      abRounds,
      ...(thresholdPct === undefined ? {} : { failOnRegressionPct: thresholdPct }),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } finally {
    await subject.close();
    await baseline?.close();
  }
  if (saved !== undefined && baselineFile !== undefined) {
    report = { ...report, comparison: compareWithBaselineFile(report.plugins[0]?.hooks ?? [], saved, baselineFile, thresholdPct) };
  }

  // With --json stdout carries the JSON only, so file paths go to stderr.
  const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (reporters.includes('console')) process.stdout.write(renderBenchConsole(report, styleFor(process.stdout)));
  const savePath = str('save-baseline');
  if (savePath !== undefined) say(`baseline saved: ${await writeBenchReportFile(report, savePath)}`);
  // The JSON report is always written: it is what CI and the HTML report read.
  say(`bench report: ${await writeBenchJson(report, outDir)}`);
  if (reporters.includes('html')) say(`report: ${await writeBenchHtmlReport(report, outDir)}`);
  return report.comparison?.gate?.passed === false ? 1 : 0;
}
