/**
 * What the allocation audit costs: `pre_hook` at a 1 KiB input on the good bifrost-v2 plugin through
 * plugcheck's plain host path and through the same path with the shadow-allocator ledger attached,
 * beside the raw floor. Goal: the audit adds at most 25 % to the plain host's per-call time.
 */
import { readFile } from 'node:fs/promises';
import { Heartbeat } from '../host/heartbeat.js';
import { PluginInstance } from '../host/plugin-instance.js';
import { BlockLedger } from '../memory/block-ledger.js';
import type { AllocationObserver } from '../memory/allocation-observer.js';
import { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import { inspectModule } from '../wasm/index.js';
import { compareWithFloor } from './compare-with-floor.js';
import { BENCH_PLUGIN } from './host-vs-floor.bench.js';
import { preHookInput } from './payload.js';
import { rawRoundTrip } from './raw-floor.js';

/**
 * The audit's overhead measured as paired batches: `batch` plain calls then `batch` audited ones (the
 * order alternating), `rounds` times, and the median of the per-round ratios. A batch lasts a few
 * milliseconds, so a busy machine preempts few of them and the median drops those it does.
 */
function pairedOverhead(plain: () => unknown, audited: () => unknown, rounds = 21, batch = 2000): number {
  const time = (fn: () => unknown) => {
    const started = performance.now();
    for (let i = 0; i < batch; i++) fn();
    return performance.now() - started;
  };
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let plainMs: number;
    let auditedMs: number;
    if (round % 2 === 0) {
      plainMs = time(plain);
      auditedMs = time(audited);
    } else {
      auditedMs = time(audited);
      plainMs = time(plain);
    }
    ratios.push(auditedMs / plainMs);
  }
  ratios.sort((x, y) => x - y);
  return ratios[rounds >> 1] ?? Number.NaN;
}

/** Runs the audit-versus-plain benchmark and prints the audit's overhead over the plain host. */
export async function runMemoryAudit(): Promise<void> {
  const bytes = new Uint8Array(await readFile(BENCH_PLUGIN));
  const info = inspectModule(bytes);
  const module = new WebAssembly.Module(bytes);
  const input = preHookInput(1024);
  const path = (observer?: AllocationObserver) => {
    const created = PluginInstance.instantiate(module, info, { profile: bifrostV2, heartbeat: new Heartbeat(), seed: 1 });
    if (!created.ok) throw new Error(`cannot instantiate ${BENCH_PLUGIN}: ${created.trap.message}`);
    const caller = new BifrostCaller(created.value, bifrostV2.detectDialect(info), observer);
    return () => {
      const call = caller.callHook('pre_hook', [JSON.stringify(input)], 'pre_hook bench');
      if (call.kind !== 'output') throw new Error(`pre_hook failed: ${call.kind}`);
      return JSON.parse(call.text) as unknown;
    };
  };
  const ledger = new BlockLedger();
  const floor = rawRoundTrip(module, 'pre_hook');
  const plainPath = path();
  const auditedPath = path(ledger);
  const [plain, audited] = await compareWithFloor({
    title: `allocation audit — pre_hook, 1024 B input, ${BENCH_PLUGIN.split('/').pop() ?? ''}`,
    paths: [
      { name: 'plugcheck host', fn: plainPath },
      { name: 'host + ledger', fn: auditedPath },
    ],
    floor: { name: 'raw floor', fn: () => floor(input) },
  });
  if (ledger.findings.length > 0) throw new Error(`the ledger found faults in a good plugin: ${JSON.stringify(ledger.findings.slice(0, 3))}`);
  if (plain !== undefined && audited !== undefined) {
    // From the two paths' ratios to the floor (each the median over rounds of a same-round ratio), so
    // drift and a busy machine cancel out as they do for every other figure; a ratio of raw means does not.
    process.stdout.write(`audit overhead from the ratios to the floor: ${((audited.ratio / plain.ratio - 1) * 100).toFixed(1)} %\n`);
  }
  const paired = pairedOverhead(plainPath, auditedPath);
  process.stdout.write(`audit overhead: ${((paired - 1) * 100).toFixed(1)} % over the plain host (median of 21 paired batches of 2000 calls; goal ≤ 25 %)\n`);
}
