/**
 * PluginInstance with its WASI sandbox and host imports, driven by small WAT modules and the real
 * bifrost-v2 profile.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat } from '../../src/host/heartbeat.js';
import type { HeartbeatSnapshot } from '../../src/host/heartbeat.js';
import { HostCallTrace } from '../../src/host/host-call-trace.js';
import type { HostCall } from '../../src/host/host-call-trace.js';
import { PluginInstance } from '../../src/host/plugin-instance.js';
import type { CallResult } from '../../src/host/plugin-instance.js';
import { seededRandom } from '../../src/host/seeded-random.js';
import { SANDBOX_EPOCH_NS } from '../../src/host/wasi-sandbox.js';
import { bifrostV2 } from '../../src/profiles/bifrost-v2/index.js';
import { instantiateOk } from '../support/plugins.js';
import { compileWat } from '../support/wat.js';
import type { CompiledWat } from '../support/wat.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function instantiate(compiled: CompiledWat, seed = 1, heartbeat?: Heartbeat): CallResult<PluginInstance> {
  return PluginInstance.instantiate(compiled.module, compiled.info, { profile: bifrostV2, seed, heartbeat });
}

function ok<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got trap ${result.trap.kind}: ${result.trap.message}`);
  return result.value;
}

function bytesAt(instance: PluginInstance, ptr: number, len: number): number[] {
  const read = instance.memory?.read(ptr, len);
  if (read === undefined || !read.ok) throw new Error('cannot read guest memory');
  return Array.from(read.value);
}

function u64At(instance: PluginInstance, ptr: number): bigint {
  return new DataView(Uint8Array.from(bytesAt(instance, ptr, 8)).buffer).getBigUint64(0, true);
}

const WASI = `
  (module
    (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
    (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
    (memory (export "memory") 1)
    (data (i32.const 512) "hello\\nworld\\n")
    (func (export "random") (param $ptr i32) (param $len i32) (result i32)
      (call $random_get (local.get $ptr) (local.get $len)))
    (func (export "clock") (param $id i32) (param $out i32) (result i32)
      (call $clock_time_get (local.get $id) (i64.const 1000) (local.get $out)))
    ;; writes the 12 bytes at 512 to fd 1 through an iovec at 64; nwritten lands at 72
    (func (export "say") (result i32)
      (i32.store (i32.const 64) (i32.const 512))
      (i32.store (i32.const 68) (i32.const 12))
      (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 72)))
    (func (export "environ") (result i32) (call $environ_sizes_get (i32.const 80) (i32.const 84)))
    (func (export "args") (result i32) (call $args_sizes_get (i32.const 88) (i32.const 92))))`;

const wasiModule = compileWat(WASI);

describe('PluginInstance.instantiate', () => {
  it('returns a start function that traps as a trap, not a throw', () => {
    const result = instantiate(compileWat('(module (memory (export "memory") 1) (func $start unreachable) (start $start))'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.trap.kind).toBe('unreachable');
  });

  it('runs _initialize and returns its trap', () => {
    const compiled = compileWat(`
      (module (memory (export "memory") 1)
        (func (export "_initialize") i32.const 1 i32.const 0 i32.div_u drop))`);
    const result = instantiate(compiled);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.trap.kind).toBe('integer-arithmetic');
  });

  it('runs _initialize exactly once before returning the instance', () => {
    const compiled = compileWat(`
      (module (memory (export "memory") 1)
        (global $n (mut i32) (i32.const 0))
        (func (export "_initialize") (global.set $n (i32.add (global.get $n) (i32.const 1))))
        (func (export "count") (result i32) global.get $n))`);
    const instance = instantiateOk(compiled);
    expect(ok(instance.call('count', []))).toBe(1);
  });

  it('gives no memory view to a module without an exported memory', () => {
    const instance = instantiateOk(compileWat('(module (func (export "f")))'));
    expect(instance.memory).toBeUndefined();
    expect(instance.hasFunction('f')).toBe(true);
    expect(instance.hasFunction('g')).toBe(false);
  });

  it('reports a call to a missing export as a trap of kind other', () => {
    const instance = instantiateOk(compileWat('(module (memory (export "memory") 1))'));
    const result = instance.call('pre_hook', [0, 0]);
    expect(result).toEqual({ ok: false, trap: { kind: 'other', message: 'export `pre_hook` is not a function' } });
  });

  it('reports an imported memory as a failed instantiation', () => {
    const result = instantiate(compileWat('(module (import "env" "memory" (memory 1)) (func (export "f")))'));
    expect(result.ok).toBe(false);
  });

  it('calls an import it cannot link a link-error, not a host-function-error', () => {
    const result = instantiate(compileWat('(module (import "env" "memory" (memory 1)) (func (export "f")))'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.trap.kind).toBe('link-error');
  });

  // A JS host cannot reach a module's memory before its start function returns, so WASI calls
  // from `(start)` cannot be served; the trap must say so rather than blame a missing export.
  it('explains that a start function cannot call WASI in a JS host', () => {
    const compiled = compileWat(`
      (module
        (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
        (memory (export "memory") 1)
        (func $start (drop (call $random_get (i32.const 0) (i32.const 8))))
        (start $start))`);
    const result = instantiate(compiled);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.trap.kind).toBe('host-function-error');
      expect(result.trap.message).toContain('called from the start function');
    }
  });
});

describe('WASI sandbox: seeded randomness', () => {
  it('gives the same bytes for the same seed in two instances, from the seeded stream', () => {
    const a = instantiateOk(wasiModule, { seed: 42 });
    const b = instantiateOk(wasiModule, { seed: 42 });
    expect(ok(a.call('random', [100, 16]))).toBe(0);
    expect(ok(b.call('random', [100, 16]))).toBe(0);
    const next = seededRandom(42);
    const expected = Array.from({ length: 16 }, () => next() & 0xff);
    expect(bytesAt(a, 100, 16)).toEqual(expected);
    expect(bytesAt(b, 100, 16)).toEqual(expected);
  });

  it('gives different bytes for another seed', () => {
    const a = instantiateOk(wasiModule, { seed: 42 });
    const c = instantiateOk(wasiModule, { seed: 43 });
    ok(a.call('random', [100, 16]));
    ok(c.call('random', [100, 16]));
    expect(bytesAt(c, 100, 16)).not.toEqual(bytesAt(a, 100, 16));
  });

  it('continues the stream across calls in one instance', () => {
    const a = instantiateOk(wasiModule, { seed: 5 });
    ok(a.call('random', [100, 8]));
    ok(a.call('random', [200, 8]));
    const next = seededRandom(5);
    const stream = Array.from({ length: 16 }, () => next() & 0xff);
    expect([...bytesAt(a, 100, 8), ...bytesAt(a, 200, 8)]).toEqual(stream);
  });

  it('turns an out-of-bounds random_get buffer into a host-function-error trap', () => {
    const a = instantiateOk(wasiModule);
    const result = a.call('random', [65530, 16]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.trap.kind).toBe('host-function-error');
      expect(result.trap.message).toMatch(/^wasi_snapshot_preview1\.random_get: /);
    }
  });
});

describe('WASI sandbox: clocks', () => {
  it('starts the realtime clock at SANDBOX_EPOCH_NS and advances 1 ms per read', () => {
    const a = instantiateOk(wasiModule);
    expect(ok(a.call('clock', [0, 16]))).toBe(0);
    const first = u64At(a, 16);
    expect(ok(a.call('clock', [0, 16]))).toBe(0);
    const second = u64At(a, 16);
    expect(first).toBe(SANDBOX_EPOCH_NS + 1_000_000n);
    expect(second - first).toBe(1_000_000n);
    expect(new Date(Number(SANDBOX_EPOCH_NS / 1_000_000n)).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('is the same in every instance, whatever the machine clock says', () => {
    const a = instantiateOk(wasiModule, { seed: 1 });
    const b = instantiateOk(wasiModule, { seed: 2 });
    ok(a.call('clock', [0, 16]));
    ok(b.call('clock', [0, 16]));
    expect(u64At(a, 16)).toBe(u64At(b, 16));
  });

  it('gives a monotonic clock that starts near zero and rejects unknown clock ids', () => {
    const a = instantiateOk(wasiModule);
    ok(a.call('clock', [1, 16]));
    const t1 = u64At(a, 16);
    ok(a.call('clock', [1, 16]));
    const t2 = u64At(a, 16);
    expect(t1).toBeLessThan(1_000_000_000n);
    expect(t2).toBeGreaterThan(t1);
    expect(ok(a.call('clock', [4, 16]))).toBe(28); // EINVAL
  });
});

describe('WASI sandbox: deny by default', () => {
  it('captures stdout lines instead of printing them', () => {
    const a = instantiateOk(wasiModule);
    expect(ok(a.call('say', []))).toBe(0);
    expect(a.sandbox.stdout).toEqual(['hello', 'world']);
    expect(a.sandbox.stderr).toEqual([]);
    expect(bytesAt(a, 72, 4)).toEqual([12, 0, 0, 0]);
  });

  it('offers no environment and the single argument "plugin"', () => {
    const a = instantiateOk(wasiModule);
    expect(ok(a.call('environ', []))).toBe(0);
    expect(bytesAt(a, 80, 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(ok(a.call('args', []))).toBe(0);
    expect(bytesAt(a, 88, 8)).toEqual([1, 0, 0, 0, 7, 0, 0, 0]);
  });
});

describe('host imports: unknown imports and the trace', () => {
  const secret = compileWat(`
    (module
      (import "env" "fetch_secret" (func $fetch_secret (param i32 i64) (result i32)))
      (memory (export "memory") 1)
      (func (export "go") (result i32) (call $fetch_secret (i32.const 7) (i64.const 9))))`);

  it('instantiates a module with an unknown import; calling it is a host-function-error', () => {
    const instance = instantiateOk(secret);
    const result = instance.call('go', []);
    expect(result).toEqual({
      ok: false,
      trap: { kind: 'host-function-error', message: 'env.fetch_secret: this host does not provide this import' },
    });
  });

  it('traces the failing call with its arguments and the error', () => {
    const instance = instantiateOk(secret);
    instance.call('go', []);
    expect(instance.trace.total).toBe(1);
    expect(instance.trace.calls).toEqual([
      { import: 'env.fetch_secret', args: [7, '9'], error: 'HostFunctionError: env.fetch_secret: this host does not provide this import' },
    ]);
  });

  it('traces every WASI call with its arguments and result', () => {
    const a = instantiateOk(wasiModule);
    expect(a.trace.total).toBe(0);
    ok(a.call('random', [100, 4]));
    const mark = a.trace.mark();
    ok(a.call('clock', [0, 16]));
    ok(a.call('clock', [1, 24]));
    expect(a.trace.calls).toEqual([
      { import: 'wasi_snapshot_preview1.random_get', args: [100, 4], result: 0 },
      { import: 'wasi_snapshot_preview1.clock_time_get', args: [0, '1000', 16], result: 0 },
      { import: 'wasi_snapshot_preview1.clock_time_get', args: [1, '1000', 24], result: 0 },
    ]);
    expect(a.trace.since(mark).map((c) => c.args[0])).toEqual([0, 1]);
    expect(a.trace.total).toBe(3);
  });

  it('proc_exit(3) inside an export is a wasi-exit trap with exit code 3, and is traced', () => {
    const compiled = compileWat(`
      (module
        (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
        (memory (export "memory") 1)
        (func (export "quit") (call $proc_exit (i32.const 3))))`);
    const instance = instantiateOk(compiled);
    const result = instance.call('quit', []);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.trap).toMatchObject({ kind: 'wasi-exit', exitCode: 3 });
    expect(instance.trace.calls).toHaveLength(1);
    expect(instance.trace.calls[0]).toMatchObject({ import: 'wasi_snapshot_preview1.proc_exit', args: [3] });
    expect(instance.trace.calls[0]?.error).toMatch(/exit code 3/);
  });

  it('keeps a WASI import the profile lists but the module mistypes from crashing instantiation', () => {
    // fd_write declared (i32) -> i32: JS functions accept any signature, so this instantiates;
    // abi.imports-provided reports it statically.
    const compiled = compileWat(`
      (module
        (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32) (result i32)))
        (memory (export "memory") 1))`);
    expect(instantiate(compiled).ok).toBe(true);
  });
});

describe('heartbeat around guest calls', () => {
  /** Reads the heartbeat from inside every host call (the trace records while the guest waits). */
  function watchHostCalls(heartbeat: Heartbeat): HeartbeatSnapshot[] {
    const seen: HeartbeatSnapshot[] = [];
    const watchdog = new Heartbeat(heartbeat.buffer);
    const record = HostCallTrace.prototype.record;
    vi.spyOn(HostCallTrace.prototype, 'record').mockImplementation(function (this: HostCallTrace, call: HostCall) {
      seen.push(watchdog.read());
      record.call(this, call);
    });
    return seen;
  }

  it('shows phase call with the label and timeout while a host function runs, idle afterwards', () => {
    const heartbeat = new Heartbeat();
    const instance = instantiateOk(wasiModule, { heartbeat, callTimeoutMs: 1234 });
    const seen = watchHostCalls(heartbeat);
    expect(ok(instance.call('clock', [0, 16], 'clock probe'))).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ phase: 'call', label: 'clock probe', timeoutMs: 1234 });
    expect(heartbeat.read()).toMatchObject({ phase: 'idle', label: 'clock probe' });
  });

  it('keeps one window over a round trip, naming the step that runs in it', () => {
    vi.useFakeTimers({ now: 1000, toFake: ['Date'] });
    const heartbeat = new Heartbeat();
    const instance = instantiateOk(wasiModule, { heartbeat, callTimeoutMs: 700 });
    const seen = watchHostCalls(heartbeat);
    const random = instance.fn('random');
    if (random === undefined) throw new Error('no random export');
    instance.roundTrip('pre_hook round', () => {
      ok(instance.invoke(random, [0, 1], 'ignored inside a round trip', 'malloc'));
      vi.setSystemTime(2000);
      ok(instance.invoke(random, [0, 1], 'ignored inside a round trip'));
      ok(instance.invoke(random, [0, 1], 'ignored inside a round trip', 'free'));
    });
    expect(seen.map((s) => s.label)).toEqual(['pre_hook round malloc', 'pre_hook round', 'pre_hook round free']);
    // The time limit runs from the start of the round trip, not from each step.
    expect(seen.map((s) => s.startedAt)).toEqual([1000, 1000, 1000]);
    expect(seen.every((s) => s.phase === 'call' && s.timeoutMs === 700)).toBe(true);
    expect(heartbeat.read().phase).toBe('idle');
  });

  it('names the allocator step of a call made outside a round trip, and goes idle after a round trip that throws', () => {
    const heartbeat = new Heartbeat();
    const instance = instantiateOk(wasiModule, { heartbeat });
    const seen = watchHostCalls(heartbeat);
    const random = instance.fn('random');
    if (random === undefined) throw new Error('no random export');
    ok(instance.invoke(random, [0, 1], 'get_name', 'free'));
    expect(seen[0]).toMatchObject({ phase: 'call', label: 'get_name free' });
    expect(heartbeat.read().phase).toBe('idle');
    expect(() =>
      instance.roundTrip('thrown', () => {
        throw new Error('a host bug');
      }),
    ).toThrow('a host bug');
    expect(heartbeat.read().phase).toBe('idle');
    ok(instance.invoke(random, [0, 1], 'after'));
    expect(seen[1]).toMatchObject({ phase: 'call', label: 'after' });
  });

  it('uses the profile call timeout when none is given', () => {
    const heartbeat = new Heartbeat();
    const instance = instantiateOk(wasiModule, { heartbeat });
    const seen = watchHostCalls(heartbeat);
    ok(instance.call('random', [0, 1]));
    expect(seen[0]).toMatchObject({ phase: 'call', label: 'random', timeoutMs: bifrostV2.limits.callTimeoutMs });
  });

  it('goes back to idle after a trapping call', () => {
    const heartbeat = new Heartbeat();
    const instance = instantiateOk(compileWat('(module (memory (export "memory") 1) (func (export "boom") unreachable))'), { heartbeat });
    expect(instance.call('boom', [], 'boom label').ok).toBe(false);
    expect(heartbeat.read()).toMatchObject({ phase: 'idle', label: 'boom label' });
  });

  it('shows phase instantiate during a start function, and idle after it failed', () => {
    const heartbeat = new Heartbeat();
    const seen = watchHostCalls(heartbeat);
    const compiled = compileWat(`
      (module
        (import "env" "hello" (func $hello))
        (memory (export "memory") 1)
        (func $start (call $hello))
        (start $start))`);
    const result = instantiate(compiled, 1, heartbeat);
    expect(result.ok).toBe(false);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ phase: 'instantiate', label: 'instantiate', timeoutMs: bifrostV2.limits.instantiateTimeoutMs });
    expect(heartbeat.read().phase).toBe('idle');
  });
});
