/**
 * Inputs placed to end at the last byte of memory: a plugin that reads one byte past its input
 * traps there (and only there), a good plugin answers, and the host never frees what it placed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callAtEndOfMemory } from '../../../src/checks/fuzz/end-of-memory-call.js';
import { Heartbeat } from '../../../src/host/heartbeat.js';
import { PluginInstance } from '../../../src/host/plugin-instance.js';
import { BifrostCaller } from '../../../src/profiles/bifrost/bifrost-caller.js';
import { bifrostV2 } from '../../../src/profiles/bifrost-v2/index.js';
import { inspectModule } from '../../../src/wasm/index.js';
import { PLUGINS_DIR, ROOT } from '../../support/plugcheck-cli.js';

async function caller(name: string): Promise<BifrostCaller> {
  const bytes = new Uint8Array(await readFile(join(ROOT, PLUGINS_DIR, name)));
  const info = inspectModule(bytes);
  const created = PluginInstance.instantiate(new WebAssembly.Module(bytes), info, { profile: bifrostV2, heartbeat: new Heartbeat(), seed: 1 });
  if (!created.ok) throw new Error(created.trap.message);
  return new BifrostCaller(created.value, bifrostV2.detectDialect(info));
}

const INPUT = JSON.stringify({ context: {}, request: { provider: 'openai', model: 'gpt-4' } });

describe('callAtEndOfMemory', () => {
  it('places the input so it ends at the last byte of memory, and a good plugin answers', async () => {
    const good = await caller('bifrost-v2-good-as.wasm');
    // As in the fuzz check, the plugin has run before (its allocator set up, as after `init`).
    expect(good.callHook('pre_hook', [INPUT]).kind).toBe('output');
    const before = good.instance.memory?.byteLength ?? 0;
    const call = callAtEndOfMemory(good, 'pre_hook', [INPUT], 'pre_hook test');
    expect(call.kind).toBe('output');
    expect(good.instance.memory?.byteLength).toBe(before + 65536);
    const end = good.instance.memory?.byteLength ?? 0;
    const placed = good.instance.memory?.read(end - INPUT.length, INPUT.length);
    expect(placed?.ok && Buffer.from(placed.value).toString()).toBe(INPUT);
    expect(callAtEndOfMemory(good, 'pre_hook', [''], 'pre_hook empty').kind).toBe('output');
  });

  it('makes a plugin that reads one byte past its input trap out of bounds, which an allocated block hides', async () => {
    const faulty = await caller('bifrost-v2-fuzz-reads-past-input.wasm');
    expect(faulty.callHook('pre_hook', [INPUT]).kind).toBe('output');
    for (const input of [INPUT, '']) {
      const call = callAtEndOfMemory(faulty, 'pre_hook', [input], 'pre_hook test');
      expect(call.kind === 'trap' && call.trap.kind).toBe('out-of-bounds-memory');
    }
  });
});
