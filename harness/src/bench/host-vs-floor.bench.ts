/**
 * Per-call time of a `pre_hook` call through plugcheck's host (strict UTF-8, bounds checks,
 * heartbeat, tracing) against the raw floor, at a 1 KiB input, on the good bifrost-v2 plugin.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledPluginsDir } from '../config/bundled-plugins.js';
import { Heartbeat } from '../host/heartbeat.js';
import { PluginInstance } from '../host/plugin-instance.js';
import { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import { inspectModule } from '../wasm/index.js';
import { compareWithFloor } from './compare-with-floor.js';
import { preHookInput } from './payload.js';
import { rawRoundTrip } from './raw-floor.js';

/** The plugin every Bifrost benchmark uses unless PLUGCHECK_BENCH_PLUGIN names another. */
export const BENCH_PLUGIN = process.env['PLUGCHECK_BENCH_PLUGIN'] ?? join(bundledPluginsDir(), 'bifrost-v2-good-as.wasm');

/** Runs the host-versus-floor benchmark. */
export async function runHostVsFloor(): Promise<void> {
  const bytes = new Uint8Array(await readFile(BENCH_PLUGIN));
  const info = inspectModule(bytes);
  const module = new WebAssembly.Module(bytes);
  const created = PluginInstance.instantiate(module, info, { profile: bifrostV2, heartbeat: new Heartbeat(), seed: 1 });
  if (!created.ok) throw new Error(`cannot instantiate ${BENCH_PLUGIN}: ${created.trap.message}`);
  const caller = new BifrostCaller(created.value, bifrostV2.detectDialect(info));
  const input = preHookInput(1024);
  const throughHost = () => {
    const call = caller.callHook('pre_hook', [JSON.stringify(input)], 'pre_hook bench');
    if (call.kind !== 'output') throw new Error(`pre_hook failed: ${call.kind}`);
    return JSON.parse(call.text) as unknown;
  };
  const floor = rawRoundTrip(module, 'pre_hook');
  // Both paths must compute the same answer, or the comparison means nothing.
  if (JSON.stringify(throughHost()) !== JSON.stringify(floor(input))) throw new Error('host and floor disagree on the output');
  await compareWithFloor({
    title: `host vs floor — pre_hook, 1024 B input, ${BENCH_PLUGIN.split('/').pop() ?? ''}`,
    paths: [{ name: 'plugcheck host', fn: throughHost }],
    floor: { name: 'raw floor', fn: () => floor(input) },
    goal: 'goal ≤ 1.3×',
  });
}
