/**
 * The phase split of `plugcheck bench` inside `npm run bench`: `pre_hook` on the good bifrost-v2
 * plugin (or PLUGCHECK_BENCH_PLUGIN) at 100 B, 1 KiB, 16 KiB and 64 KiB — stringify, copy in,
 * execute, copy out, parse, the whole call and the raw floor, with instruction counts. Goal: the
 * whole call through plugcheck's host at most 1.2× the floor at 1 KiB.
 */
import { styleFor } from '../cli/style.js';
import { loadPlugin } from '../engine/load-plugin.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import { BENCH_PLUGIN } from './bench-caller.js';
import { FLOOR_GOAL, renderBenchConsole } from './bench-console.js';
import { DEFAULT_SIZES, runBench } from './bench-runner.js';
import { BifrostBenchTarget } from './bifrost-bench-target.js';

/** Runs the phase-split benchmark. */
export async function runPhaseSplit(): Promise<void> {
  const plugin = await loadPlugin(BENCH_PLUGIN);
  const target = await BifrostBenchTarget.create(plugin, bifrostV2, bifrostV2.detectDialect(plugin.module));
  const report = await runBench(target, undefined, { hooks: ['pre_hook'], sizes: DEFAULT_SIZES, timeMs: 200, rounds: 3 });
  process.stdout.write(`\nphase split — pre_hook, ${BENCH_PLUGIN.split('/').pop() ?? ''}\n`);
  process.stdout.write(renderBenchConsole(report, styleFor(process.stdout)));
  const at1k = report.plugins[0]?.hooks[0]?.sizes.find((s) => s.requestedBytes === 1024);
  if (at1k !== undefined) process.stdout.write(`plugcheck host at 1 KiB: ${at1k.floorRatio.toFixed(3)}× the raw floor (goal ≤ ${FLOOR_GOAL}×)\n`);
}
