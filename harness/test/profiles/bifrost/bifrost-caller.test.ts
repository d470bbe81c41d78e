/**
 * BifrostCaller: how the reference host calls a Bifrost plugin. The bundled good plugins show the
 * happy path; small WAT plugins, each wrong in one way, show every fault the caller must name.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PluginInstance } from '../../../src/host/plugin-instance.js';
import { BifrostCaller } from '../../../src/profiles/bifrost/bifrost-caller.js';
import type { BifrostCall } from '../../../src/profiles/bifrost/bifrost-caller.js';
import { bifrostV2 } from '../../../src/profiles/bifrost-v2/index.js';
import { instantiateOk, loadBundled } from '../../support/plugins.js';
import { compileWat } from '../../support/wat.js';

afterEach(() => {
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------------------------------------
// Bundled plugins

interface Invocation {
  readonly label: string;
  readonly args: readonly (number | bigint)[];
}

/** A caller over a bundled plugin, with every guest invocation recorded (label and arguments). */
function bundledCaller(name: string): { caller: BifrostCaller; instance: PluginInstance; invocations: Invocation[] } {
  const compiled = loadBundled(name);
  const instance = instantiateOk(compiled);
  const invocations: Invocation[] = [];
  const invoke = instance.invoke.bind(instance);
  vi.spyOn(instance, 'invoke').mockImplementation((f, args, label, step) => {
    // Named as a timeout report names the step: `hook malloc`, `hook`, `hook free`.
    invocations.push({ label: step === undefined || step === 'call' ? label : `${label} ${step}`, args: [...args] });
    return invoke(f, args, label, step);
  });
  return { caller: new BifrostCaller(instance, bifrostV2.detectDialect(compiled.info)), instance, invocations };
}

function outputJson(call: BifrostCall): Record<string, unknown> {
  if (call.kind !== 'output') throw new Error(`expected output, got ${JSON.stringify(call)}`);
  return JSON.parse(call.text) as Record<string, unknown>;
}

const CONTEXT = { request_id: 'abc-123', 'request-id': 'abc-123', nested: { list: [1, 2.5, null, true], text: 'é€😀 "q"' } };
const PRE_HOOK_INPUT = JSON.stringify({
  context: CONTEXT,
  request: { provider: 'openai', model: 'gpt-4', input: { messages: [{ role: 'user', content: 'Hello' }] } },
});

describe.each(['bifrost-v2-good-c', 'bifrost-v2-good-as'])('BifrostCaller on bundled %s', (name) => {
  it('reads the dialect the plugin was built with', () => {
    const dialect = bifrostV2.detectDialect(loadBundled(name).info);
    expect(dialect['free']).toBe(name === 'bifrost-v2-good-c' ? 'free(ptr,size)' : 'free(ptr)');
  });

  it('passes the input context through pre_hook verbatim', () => {
    const { caller } = bundledCaller(name);
    const output = outputJson(caller.callHook('pre_hook', [PRE_HOOK_INPUT]));
    expect(output['context']).toEqual(CONTEXT);
    expect(output['error']).toBe('');
  });

  it('passes the context through every hook for every seed fixture', () => {
    const { caller } = bundledCaller(name);
    for (const hook of bifrostV2.hooks) {
      for (const fixture of hook.fixtures) {
        const input = fixture.inputs[0] as { context?: unknown };
        const output = outputJson(caller.callHook(hook.name, [JSON.stringify(input)]));
        expect(output['context'], `${hook.name} ${fixture.id}`).toEqual(input.context);
      }
    }
  });

  it('passes empty input as (0, 0) without calling malloc, and gets an error envelope back', () => {
    const { caller, invocations } = bundledCaller(name);
    const output = outputJson(caller.callHook('pre_hook', [''], 'empty'));
    expect(invocations.filter((i) => i.label === 'empty malloc')).toEqual([]);
    expect(invocations.find((i) => i.label === 'empty')?.args).toEqual([0, 0]);
    expect(typeof output['error']).toBe('string');
    expect(output['error']).not.toBe('');
  });

  it('frees the input and the output block, with the size only for free(ptr,size)', () => {
    const { caller, invocations } = bundledCaller(name);
    const call = caller.callHook('pre_hook', [PRE_HOOK_INPUT], 'hook');
    if (call.kind !== 'output') throw new Error(call.kind);
    const malloc = invocations.find((i) => i.label === 'hook malloc');
    expect(malloc?.args).toEqual([Buffer.byteLength(PRE_HOOK_INPUT)]);
    const frees = invocations.filter((i) => i.label === 'hook free').map((i) => i.args);
    expect(frees).toHaveLength(2);
    const twoArgs = name === 'bifrost-v2-good-c';
    const outputFree = twoArgs ? [call.ptr, call.len] : [call.ptr];
    expect(frees[1]).toEqual(outputFree);
    expect(frees[0]?.length).toBe(twoArgs ? 2 : 1);
    if (twoArgs) expect(frees[0]?.[1]).toBe(Buffer.byteLength(PRE_HOOK_INPUT));
  });

  it('reads the plugin name and runs init and cleanup', () => {
    const { caller } = bundledCaller(name);
    expect(caller.name()).toMatchObject({ kind: 'output', text: name });
    expect(caller.init(JSON.stringify(bifrostV2.initConfig))).toEqual({ kind: 'status', code: 0 });
    expect(caller.cleanup()).toEqual({ kind: 'status', code: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// WAT plugins, one fault each

// Memory map of the test plugin: 128 last hook (ptr, len); 136 malloc count; 140 free count;
// 256.. free log of (ptr, size) pairs, size -1 for free(ptr); 2048 constant outputs; 4096.. heap.
const HOOKS = {
  /** Copies the input into a fresh block and returns it. */
  echo: `(local.set $out (call $malloc (local.get $len)))
         (memory.copy (local.get $out) (local.get $ptr) (local.get $len))
         (call $pack (local.get $out) (local.get $len))`,
  /** Hands the input block itself back as the output. */
  same: '(call $pack (local.get $ptr) (local.get $len))',
  zero: '(i64.const 0)',
  pastEnd: '(call $pack (i32.const 65536) (i32.const 1))',
  lastByte: '(call $pack (i32.const 65535) (i32.const 1))',
  highPtr: '(i64.const 0x8000000400000002)',
  badUtf8: '(call $pack (i32.const 2048) (i32.const 5))',
  bom: '(call $pack (i32.const 2056) (i32.const 5))',
  trap: 'unreachable',
} as const;

const MALLOCS = {
  bump: `(local.set $p (global.get $heap))
         (global.set $heap (i32.add (global.get $heap) (local.get $n)))
         (local.get $p)`,
  nullPtr: '(i32.const 0)',
  lastPage: '(i32.const 65530)',
} as const;

interface PluginShape {
  readonly hook?: keyof typeof HOOKS;
  readonly malloc?: keyof typeof MALLOCS;
  readonly freeTakesSize?: boolean;
  /** Export the allocator as TinyGo does: `plugin_malloc`/`plugin_free` beside a runtime `malloc`/`free`. */
  readonly tinygo?: boolean;
}

function pluginWat({ hook = 'echo', malloc = 'bump', freeTakesSize = true, tinygo = false }: PluginShape): string {
  const freeParams = freeTakesSize ? '(param $p i32) (param $size i32)' : '(param $p i32)';
  const size = freeTakesSize ? '(local.get $size)' : '(i32.const -1)';
  const [mallocName, freeName] = tinygo ? ['plugin_malloc', 'plugin_free'] : ['malloc', 'free'];
  // TinyGo's runtime malloc/free: present but must not be used when plugin_* exist.
  const runtime = tinygo
    ? `(func (export "malloc") (param i32) (result i32) unreachable)
       (func (export "free") (param i32) unreachable)`
    : '';
  return `
    (module
      (memory (export "memory") 1)
      (global $heap (mut i32) (i32.const 4096))
      (data (i32.const 2048) "ab\\ffcd")
      (data (i32.const 2056) "\\ef\\bb\\bf{}")
      (data (i32.const 3000) "wat-test")
      (func $pack (param $p i32) (param $l i32) (result i64)
        (i64.or (i64.shl (i64.extend_i32_u (local.get $p)) (i64.const 32)) (i64.extend_i32_u (local.get $l))))
      (func $malloc (export "${mallocName}") (param $n i32) (result i32) (local $p i32)
        (i32.store (i32.const 136) (i32.add (i32.load (i32.const 136)) (i32.const 1)))
        ${MALLOCS[malloc]})
      (func (export "${freeName}") ${freeParams} (local $at i32)
        (local.set $at (i32.add (i32.const 256) (i32.mul (i32.load (i32.const 140)) (i32.const 8))))
        (i32.store (local.get $at) (local.get $p))
        (i32.store offset=4 (local.get $at) ${size})
        (i32.store (i32.const 140) (i32.add (i32.load (i32.const 140)) (i32.const 1))))
      ${runtime}
      (func (export "get_name") (result i64) (call $pack (i32.const 3000) (i32.const 8)))
      (func (export "init") (param i32 i32) (result i32) (i32.const 0))
      (func (export "cleanup") (result i32) (i32.const 0))
      (func (export "pre_hook") (param $ptr i32) (param $len i32) (result i64) (local $out i32)
        (i32.store (i32.const 128) (local.get $ptr))
        (i32.store (i32.const 132) (local.get $len))
        ${HOOKS[hook]}))`;
}

interface TestPlugin {
  readonly caller: BifrostCaller;
  readonly instance: PluginInstance;
  /** The (ptr, size) pairs the plugin's free was called with, in order; size -1 for free(ptr). */
  frees(): [number, number][];
  mallocs(): number;
  lastHookArgs(): [number, number];
}

function testPlugin(shape: PluginShape = {}): TestPlugin {
  const compiled = compileWat(pluginWat(shape));
  const instance = instantiateOk(compiled);
  const caller = new BifrostCaller(instance, bifrostV2.detectDialect(compiled.info));
  const i32 = (ptr: number) => {
    const read = instance.memory?.read(ptr, 4);
    if (read === undefined || !read.ok) throw new Error('cannot read memory');
    return new DataView(read.value.buffer).getInt32(0, true);
  };
  return {
    caller,
    instance,
    frees: () => Array.from({ length: i32(140) }, (_, k): [number, number] => [i32(256 + 8 * k), i32(260 + 8 * k)]),
    mallocs: () => i32(136),
    lastHookArgs: () => [i32(128), i32(132)],
  };
}

describe('BifrostCaller with WAT plugins', () => {
  it('writes the input, calls the hook and reads the output', () => {
    const plugin = testPlugin();
    const call = plugin.caller.callHook('pre_hook', ['{"context":{"é":1}}']);
    expect(call).toMatchObject({ kind: 'output', text: '{"context":{"é":1}}', len: 20 });
    expect(plugin.lastHookArgs()).toEqual([4096, 20]);
  });

  it('calls free(ptr, size) with the input block and the output block for the two-argument dialect', () => {
    const plugin = testPlugin({ freeTakesSize: true });
    const input = '{"context":{}}';
    const call = plugin.caller.callHook('pre_hook', [input]);
    if (call.kind !== 'output') throw new Error(call.kind);
    const [inPtr, inLen] = plugin.lastHookArgs();
    expect(inLen).toBe(input.length);
    expect(call.ptr).not.toBe(inPtr);
    expect(plugin.frees()).toEqual([
      [inPtr, inLen],
      [call.ptr, call.len],
    ]);
  });

  it('calls free(ptr) with the pointer only for the one-argument dialect', () => {
    const plugin = testPlugin({ freeTakesSize: false });
    const call = plugin.caller.callHook('pre_hook', ['{"a":1}']);
    if (call.kind !== 'output') throw new Error(call.kind);
    const [inPtr] = plugin.lastHookArgs();
    expect(plugin.frees()).toEqual([
      [inPtr, -1],
      [call.ptr, -1],
    ]);
  });

  it('frees a block the plugin hands back as its output only once', () => {
    const plugin = testPlugin({ hook: 'same' });
    const call = plugin.caller.callHook('pre_hook', ['{"x":true}']);
    expect(call).toMatchObject({ kind: 'output', text: '{"x":true}' });
    expect(plugin.frees()).toEqual([[4096, 10]]);
  });

  it('uses plugin_malloc and plugin_free when a TinyGo plugin exports both pairs', () => {
    const plugin = testPlugin({ tinygo: true, freeTakesSize: false });
    const call = plugin.caller.callHook('pre_hook', ['{}']);
    expect(call).toMatchObject({ kind: 'output', text: '{}' });
    expect(plugin.mallocs()).toBe(2);
    expect(plugin.frees()).toHaveLength(2);
  });

  it('passes empty input as (0, 0) without allocating', () => {
    const plugin = testPlugin({ hook: 'zero' });
    plugin.caller.callHook('pre_hook', ['']);
    expect(plugin.lastHookArgs()).toEqual([0, 0]);
    expect(plugin.mallocs()).toBe(0);
    expect(plugin.frees()).toEqual([]);
  });

  it('reads packed 0 as no-data and still frees the input', () => {
    const plugin = testPlugin({ hook: 'zero' });
    expect(plugin.caller.callHook('pre_hook', ['{}'])).toEqual({ kind: 'no-data' });
    expect(plugin.frees()).toEqual([[4096, 2]]);
  });

  it('reads an output ending on the last byte of memory', () => {
    const plugin = testPlugin({ hook: 'lastByte' });
    expect(plugin.caller.callHook('pre_hook', ['{}'])).toMatchObject({ kind: 'output', ptr: 65535, len: 1, text: '\0' });
  });

  it('faults an output pointer past the end of memory as out-of-bounds', () => {
    const plugin = testPlugin({ hook: 'pastEnd' });
    expect(plugin.caller.callHook('pre_hook', ['{}'])).toEqual({
      kind: 'fault',
      step: 'read-output',
      fault: { kind: 'out-of-bounds', ptr: 65536, len: 1, memoryBytes: 65536 },
    });
  });

  // The plugin's free must never be handed a pointer past the end of memory: it would corrupt the
  // allocator of the long-lived session.
  it('does not free an output block that lies outside memory', () => {
    const plugin = testPlugin({ hook: 'pastEnd' });
    plugin.caller.callHook('pre_hook', ['{}']);
    expect(plugin.frees()).toEqual([[4096, 2]]);
  });

  it('faults an output pointer at or above 2 GiB with the unsigned pointer', () => {
    const plugin = testPlugin({ hook: 'highPtr' });
    expect(plugin.caller.callHook('pre_hook', ['{}'])).toEqual({
      kind: 'fault',
      step: 'read-output',
      fault: { kind: 'out-of-bounds', ptr: 2 ** 31 + 4, len: 2, memoryBytes: 65536 },
    });
  });

  it('faults output that is not UTF-8 as invalid-utf8 with the offset of the bad byte', () => {
    const plugin = testPlugin({ hook: 'badUtf8' });
    expect(plugin.caller.callHook('pre_hook', ['{}'])).toEqual({
      kind: 'fault',
      step: 'read-output',
      fault: { kind: 'invalid-utf8', ptr: 2048, len: 5, firstBadByte: 2 },
    });
  });

  it('keeps a BOM at the start of the output in the text', () => {
    const plugin = testPlugin({ hook: 'bom' });
    expect(plugin.caller.callHook('pre_hook', ['{}'])).toMatchObject({ kind: 'output', text: '\uFEFF{}' });
  });

  it('faults malloc returning 0 as a null pointer, without calling the hook', () => {
    const plugin = testPlugin({ malloc: 'nullPtr' });
    expect(plugin.caller.callHook('pre_hook', ['{"k":1}'])).toEqual({
      kind: 'fault',
      step: 'malloc',
      fault: { kind: 'null-pointer', requested: 7, ptr: 0, memoryBytes: 65536 },
    });
    expect(plugin.lastHookArgs()).toEqual([0, 0]);
  });

  it('faults a malloc block that runs past memory at write-input', () => {
    const plugin = testPlugin({ malloc: 'lastPage' });
    expect(plugin.caller.callHook('pre_hook', ['{"abc":1}'])).toEqual({
      kind: 'fault',
      step: 'write-input',
      fault: { kind: 'block-out-of-bounds', requested: 9, ptr: 65530, memoryBytes: 65536 },
    });
  });

  it('returns a trapping hook as a trap at step call', () => {
    const plugin = testPlugin({ hook: 'trap' });
    const call = plugin.caller.callHook('pre_hook', ['{}']);
    expect(call).toMatchObject({ kind: 'trap', step: 'call', trap: { kind: 'unreachable' } });
  });

  it('returns a missing hook export as a trap of kind other', () => {
    const plugin = testPlugin();
    expect(plugin.caller.callHook('http_pre_hook', ['{}'])).toEqual({
      kind: 'trap',
      step: 'call',
      trap: { kind: 'other', message: 'no export `http_pre_hook`' },
    });
  });

  it('reads get_name without freeing it, and init frees its config block', () => {
    const plugin = testPlugin();
    expect(plugin.caller.name()).toEqual({ kind: 'output', text: 'wat-test', ptr: 3000, len: 8 });
    expect(plugin.frees()).toEqual([]);
    expect(plugin.caller.init('{"a":1}')).toEqual({ kind: 'status', code: 0 });
    expect(plugin.frees()).toEqual([[4096, 7]]);
  });
});
