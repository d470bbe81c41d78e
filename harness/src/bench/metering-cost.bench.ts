/**
 * What instruction metering costs per call: the same `pre_hook` call (1 KiB input, the good
 * bifrost-v2 plugin) through plugcheck's host on the plain module and on the metered one
 * (harness/src/wasm/meter-instructions.ts), against the raw floor. Prints the deterministic
 * instruction count of the call, which must be the same on every run and machine.
 */
import { readFile } from 'node:fs/promises';
import { Heartbeat } from '../host/heartbeat.js';
import { PluginInstance } from '../host/plugin-instance.js';
import { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import { inspectModule } from '../wasm/index.js';
import { fuelUsed, meterInstructions, refuel } from '../wasm/meter-instructions.js';
import { compareWithFloor } from './compare-with-floor.js';
import { BENCH_PLUGIN } from './bench-caller.js';
import { preHookInput } from './payload.js';
import { rawRoundTrip } from './raw-floor.js';

/** Runs the metering-cost benchmark. */
export async function runMeteringCost(): Promise<void> {
  const bytes = new Uint8Array(await readFile(BENCH_PLUGIN));
  const info = inspectModule(bytes);
  const metered = await meterInstructions(bytes, info.exports.map((e) => e.name));
  if (!metered.ok) throw new Error(metered.message);
  const text = JSON.stringify(preHookInput(1024));
  const caller = (module: WebAssembly.Module) => {
    const created = PluginInstance.instantiate(module, info, { profile: bifrostV2, heartbeat: new Heartbeat(), seed: 1 });
    if (!created.ok) throw new Error(`cannot instantiate ${BENCH_PLUGIN}: ${created.trap.message}`);
    return new BifrostCaller(created.value, bifrostV2.detectDialect(info));
  };
  const call = (c: BifrostCaller) => () => {
    const answer = c.callHook('pre_hook', [text], 'pre_hook bench');
    if (answer.kind !== 'output') throw new Error(`pre_hook failed: ${answer.kind}`);
    return answer.text;
  };
  const plainModule = new WebAssembly.Module(bytes);
  const plain = caller(plainModule);
  const meteredCaller = caller(new WebAssembly.Module(metered.bytes));
  // The first call on a fresh instance, twice: the same state must give the same count. Later calls
  // on one instance differ (the plugin's allocator warms up), so the steady count is printed too.
  const firstCall = () => {
    const fresh = caller(new WebAssembly.Module(metered.bytes));
    refuel(fresh.instance.instance, metered);
    call(fresh)();
    return fuelUsed(fresh.instance.instance, metered).used;
  };
  const counts = [firstCall(), firstCall()];
  if (counts[0] !== counts[1]) throw new Error(`the instruction count of the same call differs: ${counts.join(' vs ')}`);
  for (let i = 0; i < 3; i++) call(meteredCaller)();
  refuel(meteredCaller.instance.instance, metered);
  call(meteredCaller)();
  const steady = fuelUsed(meteredCaller.instance.instance, metered).used;
  if (call(plain)() !== call(meteredCaller)()) throw new Error('metering changed the answer');
  process.stdout.write(`pre_hook, 1024 B input: ${String(counts[0])} instructions on a fresh instance, ${String(steady)} once warm (metered: ${metered.functions} functions, ${metered.loops} loops)\n`);
  const floor = rawRoundTrip(plainModule, 'pre_hook');
  const input = preHookInput(1024);
  await compareWithFloor({
    title: `metering cost — pre_hook, 1024 B input, ${BENCH_PLUGIN.split('/').pop() ?? ''}`,
    paths: [
      { name: 'host, plain module', fn: call(plain) },
      { name: 'host, metered module', fn: call(meteredCaller) },
    ],
    floor: { name: 'raw floor', fn: () => floor(input) },
  });
}
