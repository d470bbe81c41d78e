/**
 * The plugin every Bifrost benchmark calls, instantiated through plugcheck's host, with its compiled
 * module for the raw floor beside it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledPluginsDir } from '../config/bundled-plugins.js';
import { Heartbeat } from '../host/heartbeat.js';
import { PluginInstance } from '../host/plugin-instance.js';
import { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import { inspectModule } from '../wasm/index.js';

/** The plugin every Bifrost benchmark uses unless PLUGCHECK_BENCH_PLUGIN names another. */
export const BENCH_PLUGIN = process.env['PLUGCHECK_BENCH_PLUGIN'] ?? join(bundledPluginsDir(), 'bifrost-v2-good-as.wasm');

/** {@link BENCH_PLUGIN} behind plugcheck's host, and its module for the raw floor. */
export async function benchCaller(): Promise<{ readonly caller: BifrostCaller; readonly module: WebAssembly.Module }> {
  const bytes = new Uint8Array(await readFile(BENCH_PLUGIN));
  const info = inspectModule(bytes);
  const module = new WebAssembly.Module(bytes);
  const created = PluginInstance.instantiate(module, info, { profile: bifrostV2, heartbeat: new Heartbeat(), seed: 1 });
  if (!created.ok) throw new Error(`cannot instantiate ${BENCH_PLUGIN}: ${created.trap.message}`);
  return { caller: new BifrostCaller(created.value, bifrostV2.detectDialect(info)), module };
}
