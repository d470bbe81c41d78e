/**
 * The Extism session on the real runtime: return codes recovered through the rewritten module,
 * `error_set`, output and traps reported separately, load failures returned as data.
 */
import { describe, expect, it } from 'vitest';
import { ExtismSession, prepareModule } from '../../../src/profiles/extism/extism-session.js';
import type { ExtismFunctions } from '../../../src/profiles/extism/extism-session.js';
import { compileWat } from '../../support/wat.js';

/** Writes the bytes of `text` (at data offset 0) into a new kernel block: `$block` holds its address. */
const PLUGIN = `
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (memory (export "memory") 1)
  (data (i32.const 0) "hi")
  (func $block (param $len i32) (result i64)
    (local $at i64) (local $i i32)
    (local.set $at (call $alloc (i64.extend_i32_u (local.get $len))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
      (call $store_u8 (i64.add (local.get $at) (i64.extend_i32_u (local.get $i))) (i32.load8_u (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $at))
  (func (export "ok") (result i32) (call $output_set (call $block (i32.const 2)) (i64.const 2)) (i32.const 0))
  (func (export "seven") (result i32) (i32.const 7))
  (func (export "fails") (result i32) (call $error_set (call $block (i32.const 2))) (i32.const 1))
  (func (export "contradicts") (result i32) (call $error_set (call $block (i32.const 2))) (i32.const 0))
  (func (export "negative") (result i32) (i32.const -2))
  (func (export "grows") (result i32) (drop (memory.grow (i32.const 3))) (i32.const 0))
  (func (export "boom") (result i32) unreachable)
  (func (export "nothing"))
  (func (export "echo_length") (result i32) (i32.wrap_i64 (call $input_length))))
`;

/** Loads WAT on the runtime, without a heartbeat. */
function tryLoad(source: string, functions: ExtismFunctions = {}) {
  const compiled = compileWat(source);
  return ExtismSession.load({ prepared: prepareModule(compiled.bytes, compiled.info), functions, heartbeat: undefined, callTimeoutMs: 1000, instantiateTimeoutMs: 1000 });
}

async function load(source = PLUGIN) {
  const loaded = await tryLoad(source);
  if (!loaded.ok) throw new Error(`did not load: ${loaded.trap.message}`);
  return loaded.session;
}

describe('ExtismSession', () => {
  it('reports rc, error and output separately', async () => {
    const session = await load();
    expect(await session.call('ok', '')).toMatchObject({ kind: 'returned', rc: 0, error: null, output: { bytes: 2, text: 'hi' } });
    expect(await session.call('seven', '')).toMatchObject({ kind: 'returned', rc: 7, error: null, output: null });
    expect(await session.call('fails', '')).toMatchObject({ kind: 'returned', rc: 1, error: 'hi', output: null });
    expect(await session.call('contradicts', '')).toMatchObject({ kind: 'returned', rc: 0, error: 'hi' });
    expect(await session.call('negative', '')).toMatchObject({ kind: 'returned', rc: -2 });
    expect(await session.call('echo_length', 'wörld')).toMatchObject({ kind: 'returned', rc: 6 });
    expect(await session.call('nothing', '')).toMatchObject({ kind: 'returned', rc: 0, error: null });
    await session.close();
  });

  it('reports a trap with its kind and no return code', async () => {
    const session = await load();
    const call = await session.call('boom', '');
    expect(call).toMatchObject({ kind: 'trapped', trap: { kind: 'unreachable' } });
    // The next call starts from a clean code: the trap left nothing behind.
    expect(await session.call('seven', '')).toMatchObject({ rc: 7 });
  });

  it('measures the plugin memory in pages after a call', async () => {
    const session = await load();
    expect(session.memoryPages()).toBe(1);
    expect(await session.call('grows', '')).toMatchObject({ rc: 0, memoryPages: 4 });
  });

  it('returns a plugin that cannot load as a link error', async () => {
    const loaded = await tryLoad('(module (import "nowhere" "f" (func)) (memory (export "memory") 1))');
    expect(loaded).toMatchObject({ ok: false, trap: { kind: 'link-error' } });
  });

  it('returns a trapping start function as a trap', async () => {
    const loaded = await tryLoad('(module (memory (export "memory") 1) (func $s unreachable) (start $s))');
    expect(loaded).toMatchObject({ ok: false, trap: { kind: 'unreachable' } });
  });
});
