/**
 * `npm run bench`: per-call time of a `pre_hook` call through plugcheck's host against the raw
 * floor, in one process, at a 1 KiB input, on the good bifrost-v2 plugin. Rounds alternate
 * between the two so machine drift hits both; the ratio is the median over rounds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { bundledPluginsDir } from '../config/bundled-plugins.js';
import { Heartbeat } from '../host/heartbeat.js';
import { PluginInstance } from '../host/plugin-instance.js';
import { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import { inspectModule } from '../wasm/index.js';
import { preHookInput } from './payload.js';
import { rawRoundTrip } from './raw-floor.js';

const PLUGIN = process.env['PLUGCHECK_BENCH_PLUGIN'] ?? join(bundledPluginsDir(), 'bifrost-v2-good-as.wasm');
const SIZE = 1024;
const ROUNDS = 5;
const ROUND_MS = 400;

interface Row {
  readonly name: string;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  readonly rme: number;
  readonly samples: number;
}

const bytes = new Uint8Array(await readFile(PLUGIN));
const info = inspectModule(bytes);
const module = new WebAssembly.Module(bytes);
const dialect = bifrostV2.detectDialect(info);
const created = PluginInstance.instantiate(module, info, { profile: bifrostV2, heartbeat: new Heartbeat(), seed: 1 });
if (!created.ok) throw new Error(`cannot instantiate ${PLUGIN}: ${created.trap.message}`);
const caller = new BifrostCaller(created.value, dialect);
const input = preHookInput(SIZE);

const throughHost = () => {
  const call = caller.callHook('pre_hook', [JSON.stringify(input)], 'pre_hook bench');
  if (call.kind !== 'output') throw new Error(`pre_hook failed: ${call.kind}`);
  return JSON.parse(call.text) as unknown;
};
const floor = rawRoundTrip(module, 'pre_hook');

// Both paths must compute the same answer, or the comparison means nothing.
if (JSON.stringify(throughHost()) !== JSON.stringify(floor(input))) throw new Error('host and floor disagree on the output');

const rows: Row[][] = [];
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: ROUND_MS, warmupTime: 100 });
  // Alternate the order each round so neither path always runs on a warmer machine.
  const tasks: [string, () => unknown][] = [['plugcheck host', throughHost], ['raw floor', () => floor(input)]];
  for (const [name, fn] of round % 2 === 0 ? tasks : tasks.reverse()) bench.add(name, fn);
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const pick = (name: string) => rows.map((r) => r.find((x) => x.name === name) as Row);
const host = pick('plugcheck host');
const raw = pick('raw floor');
const ratios = host.map((h, i) => h.mean / (raw[i] as Row).mean);
const fmt = (n: number) => n.toFixed(2).padStart(8);

process.stdout.write(`plugcheck bench — pre_hook, ${SIZE} B input, ${PLUGIN.split('/').pop() ?? PLUGIN}, Node ${process.version}\n`);
process.stdout.write(`${'round'.padEnd(7)}${'path'.padEnd(16)}${'mean µs'.padStart(9)}${'p50 µs'.padStart(9)}${'p99 µs'.padStart(9)}${'rme %'.padStart(9)}${'samples'.padStart(9)}\n`);
rows.forEach((round, i) => {
  for (const r of round) process.stdout.write(`${String(i + 1).padEnd(7)}${r.name.padEnd(16)}${fmt(r.mean)} ${fmt(r.p50)} ${fmt(r.p99)} ${fmt(r.rme)} ${String(r.samples).padStart(8)}\n`);
});
const ratio = median(ratios);
process.stdout.write(`\nper-call time through plugcheck's host: ${median(host.map((h) => h.mean)).toFixed(2)} µs (median of round means)\n`);
process.stdout.write(`per-call time of the raw floor:         ${median(raw.map((r) => r.mean)).toFixed(2)} µs\n`);
process.stdout.write(`ratio host / floor: ${ratio.toFixed(3)}× (median of ${ROUNDS} rounds; goal ≤ 1.3×)\n`);
