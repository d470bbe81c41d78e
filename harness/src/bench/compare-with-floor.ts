/**
 * The shape every plugcheck benchmark shares: run one or more measured paths beside the raw
 * floor in the same process, in alternating tinybench rounds (so machine drift hits all of them),
 * print mean, p50, p99, rme and samples per round, and report each path's median ratio to the floor.
 */
import { Bench } from 'tinybench';
import { median } from './bench-stats.js';

/** One measured path. */
export interface BenchPath {
  readonly name: string;
  readonly fn: () => unknown;
}

/** Options of {@link compareWithFloor}. */
export interface CompareOptions {
  readonly title: string;
  readonly paths: readonly BenchPath[];
  readonly floor: BenchPath;
  /** @defaultValue 5 */
  readonly rounds?: number;
  /** Time per task per round, ms. @defaultValue 400 */
  readonly roundMs?: number;
  /** Printed after each ratio, e.g. `goal ≤ 1.3×`. */
  readonly goal?: string;
  /** Calls one task run makes (a batch), so the summary speaks per call. @defaultValue 1 */
  readonly callsPerRun?: number;
}

/** Per-path result: median of round means (µs per task run) and median ratio to the floor. */
export interface PathSummary {
  readonly name: string;
  readonly meanUs: number;
  readonly ratio: number;
}

interface Row {
  readonly name: string;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  readonly rme: number;
  readonly samples: number;
}

const fmt = (n: number) => n.toFixed(2).padStart(8);

/** Runs the comparison, prints it, and returns the per-path summaries (floor last, ratio 1). */
export async function compareWithFloor(options: CompareOptions): Promise<PathSummary[]> {
  const rounds = options.rounds ?? 5;
  const all = [...options.paths, options.floor];
  const rows: Row[][] = [];
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: options.roundMs ?? 400, warmupTime: 100 });
    // Rotate the order each round so no path always runs on a warmer (or hotter) machine.
    const order = all.map((_, i) => all[(i + round) % all.length] as BenchPath);
    for (const path of order) bench.add(path.name, path.fn);
    await bench.run();
    rows.push(
      bench.tasks.map((t) => {
        const r = t.result;
        if (r.state !== 'completed') throw new Error(`${t.name}: ${r.state}`);
        const l = r.latency;
        return { name: t.name, mean: l.mean * 1000, p50: l.p50 * 1000, p99: l.p99 * 1000, rme: l.rme, samples: l.samplesCount };
      }),
    );
  }
  const out = process.stdout;
  const calls = options.callsPerRun ?? 1;
  out.write(`\n${options.title}, Node ${process.version}${calls === 1 ? '' : ` (times per sample of ${calls} calls)`}\n`);
  out.write(`${'round'.padEnd(7)}${'path'.padEnd(22)}${'mean µs'.padStart(9)}${'p50 µs'.padStart(9)}${'p99 µs'.padStart(9)}${'rme %'.padStart(9)}${'samples'.padStart(9)}\n`);
  rows.forEach((round, i) => {
    for (const r of round) out.write(`${String(i + 1).padEnd(7)}${r.name.padEnd(22)}${fmt(r.mean)} ${fmt(r.p50)} ${fmt(r.p99)} ${fmt(r.rme)} ${String(r.samples).padStart(8)}\n`);
  });
  const pick = (name: string) => rows.map((r) => r.find((x) => x.name === name) as Row);
  const floor = pick(options.floor.name);
  const summaries = all.map((path): PathSummary => {
    const mine = pick(path.name);
    return { name: path.name, meanUs: median(mine.map((m) => m.mean)), ratio: median(mine.map((m, i) => m.mean / (floor[i] as Row).mean)) };
  });
  for (const s of summaries) {
    const perCall = `${(s.meanUs / calls).toFixed(2)} µs per call`;
    if (s.name === options.floor.name) out.write(`${s.name}: ${perCall} (median of round means)\n`);
    else out.write(`${s.name}: ${perCall}, ${s.ratio.toFixed(3)}× the floor (median of ${rounds} rounds${options.goal ? `; ${options.goal}` : ''})\n`);
  }
  return summaries;
}
