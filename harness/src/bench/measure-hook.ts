/**
 * Times one prepared hook at one size: every task (the five phases, the whole call, the floor) in
 * `rounds` tinybench runs, the task order rotated each round so no task always runs on a warmer or
 * hotter machine. Samples are pooled across rounds for mean/p50/p99/rme. Ratios, shares and fits
 * are built from medians: on a shared machine a preempted sample costs milliseconds, which moves a
 * mean by more than the effects measured here but leaves the median where the code put it. The
 * floor ratio is the median of the per-round ratios, so drift between rounds cancels too.
 */
import { Bench, hrtimeNow } from 'tinybench';
import type { BenchPhase, BenchPhaseResult, BenchSizeResult } from './bench-report.js';
import { BENCH_PHASES } from './bench-report.js';
import { median, round, statsOfSamples } from './bench-stats.js';
import type { PreparedHook, TimedTask } from './bench-target.js';

/** Time budget and repetition of a measurement. */
export interface MeasureOptions {
  /** Time per task per round, ms. */
  readonly timeMs: number;
  readonly rounds: number;
}

/** Per task: every sample (ms), and each round's mean and median (ms). */
export interface TaskSamples {
  readonly samples: number[];
  readonly roundMeans: number[];
  readonly roundMedians: number[];
}

/**
 * The tinybench function of a task. A task with per-sample setup or cleanup times only its own
 * part (`overriddenDuration`, less the timer's calibrated cost, as tinybench corrects plain samples)
 * and declares the whole iteration as its cost, so the time budget is wall time either way.
 */
function taskFn(task: TimedTask, timerOverheadMs: number): () => unknown {
  const { fn, beforeEach, afterEach } = task;
  if (beforeEach === undefined && afterEach === undefined) return fn;
  return () => {
    const start = hrtimeNow();
    beforeEach?.();
    const t0 = hrtimeNow();
    fn();
    const t1 = hrtimeNow();
    afterEach?.();
    return { overriddenDuration: Math.max(0, t1 - t0 - timerOverheadMs), overriddenIterationCost: hrtimeNow() - start };
  };
}

/** Runs one tinybench round over `tasks` in the given order; returns each task's samples (ms). */
export async function runRound(tasks: readonly (readonly [string, TimedTask])[], timeMs: number, isAsync: boolean): Promise<Map<string, readonly number[]>> {
  const bench = new Bench({
    time: timeMs,
    warmupTime: Math.min(50, timeMs / 2),
    warmupIterations: 4,
    iterations: 8,
    retainSamples: true,
    subtractTimerOverhead: true,
    timestampProvider: 'hrtimeNow',
    throws: true,
  });
  for (const [name, task] of tasks) bench.add(name, taskFn(task, bench.timerOverhead ?? 0));
  if (isAsync) await bench.run();
  else bench.runSync();
  const out = new Map<string, readonly number[]>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`benchmark task ${task.name} ended ${result.state}${'error' in result ? `: ${String(result.error)}` : ''}`);
    out.set(task.name, [...(result.latency.samples ?? [])]);
  }
  return out;
}

/** Runs `rounds` rounds of `tasks`, rotating their order; pools samples per task. */
export async function measureTasks(tasks: readonly (readonly [string, TimedTask])[], options: MeasureOptions, isAsync: boolean): Promise<Map<string, TaskSamples>> {
  const pooled = new Map<string, TaskSamples>(tasks.map(([name]) => [name, { samples: [], roundMeans: [], roundMedians: [] }]));
  for (let r = 0; r < options.rounds; r++) {
    const order = tasks.map((_, i) => tasks[(i + r) % tasks.length] as readonly [string, TimedTask]);
    const samples = await runRound(order, options.timeMs, isAsync);
    for (const [name, xs] of samples) {
      const into = pooled.get(name) as TaskSamples;
      for (const x of xs) into.samples.push(x); // no spread: a round can hold 10⁵ samples
      into.roundMeans.push(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
      into.roundMedians.push(median(xs));
    }
  }
  return pooled;
}

/** Measures one prepared hook at its size. */
export async function measureHook(prepared: PreparedHook, options: MeasureOptions): Promise<BenchSizeResult> {
  const phaseTasks = prepared.phases === undefined ? [] : BENCH_PHASES.map((p) => [p, (prepared.phases as Record<BenchPhase, TimedTask>)[p]] as const);
  const tasks = [...phaseTasks, ['call', prepared.call] as const, ['floor', prepared.floor] as const];
  const pooled = await measureTasks(tasks, options, prepared.async);
  const get = (name: string) => pooled.get(name) as TaskSamples;
  const phases: BenchPhaseResult[] = phaseTasks.map(([phase]) => ({ phase, stats: statsOfSamples(get(phase).samples), instructions: prepared.instructions.phases[phase] }));
  const call = get('call');
  const floor = get('floor');
  const floorRoundRatios = call.roundMedians.map((m, i) => round(m / (floor.roundMedians[i] as number)));
  const callStats = statsOfSamples(call.samples);
  const floorStats = statsOfSamples(floor.samples);
  const phaseSum = phases.reduce((a, p) => a + p.stats.p50Us, 0);
  const jsonUs = phases.filter((p) => p.phase === 'stringify' || p.phase === 'parse').reduce((a, p) => a + p.stats.p50Us, 0);
  const floorRatio = round(median(floorRoundRatios));
  return {
    requestedBytes: prepared.requestedBytes,
    inputBytes: prepared.inputBytes,
    outputBytes: prepared.outputBytes,
    phases,
    call: callStats,
    floor: floorStats,
    floorRatio,
    ...(phases.length > 0 && phaseSum > 0 ? { jsonShare: round(jsonUs / phaseSum) } : {}),
    instructions: prepared.instructions.total,
    callRoundMediansUs: call.roundMedians.map((m) => round(m * 1000)),
    floorRoundRatios,
    ...(prepared.floorIsSdk ? { extism: { sdk: floorStats, ratio: floorRatio } } : {}),
  };
}
