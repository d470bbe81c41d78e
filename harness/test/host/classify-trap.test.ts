import { WASIProcExit } from '@bjorn3/browser_wasi_shim';
import { describe, expect, it } from 'vitest';
import { classifyTrap, HostFunctionError } from '../../src/host/classify-trap.js';
import type { TrapInfo } from '../../src/host/classify-trap.js';
import { wat } from '../support/wat.js';

const TRAPS = `
  (module
    (memory 1 1)
    (type $void (func))
    (type $i2i (func (param i32) (result i32)))
    (table 2 funcref)
    (elem (i32.const 0) $noop)
    (func $noop)
    (func (export "unreachable") unreachable)
    (func (export "load_oob") (result i32) i32.const 65534 i32.load)
    (func (export "store_oob") i32.const -1 i32.const 1 i32.store8)
    (func $recurse (export "recurse") (param i32) (result i32)
      local.get 0 i32.const 1 i32.add call $recurse i32.const 1 i32.add)
    (func (export "indirect_mismatch") (result i32) i32.const 1 i32.const 0 call_indirect (type $i2i))
    (func (export "indirect_null") i32.const 1 call_indirect (type $void))
    (func (export "div_s") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s)
    (func (export "rem_u") (param i32 i32) (result i32) local.get 0 local.get 1 i32.rem_u)
    (func (export "trunc") (param f64) (result i32) local.get 0 i32.trunc_f64_s))`;

const exports = new WebAssembly.Instance(new WebAssembly.Module(wat(TRAPS))).exports as Record<string, (...args: number[]) => unknown>;

/** Calls an export that must trap and classifies what it threw. */
function trapOf(name: string, ...args: number[]): TrapInfo {
  const fn = exports[name];
  if (fn === undefined) throw new Error(`no export ${name}`);
  try {
    fn(...args);
  } catch (thrown) {
    return classifyTrap(thrown);
  }
  throw new Error(`${name}(${args.join(', ')}) returned instead of trapping`);
}

describe('classifyTrap on real engine traps', () => {
  it('unreachable', () => {
    expect(trapOf('unreachable')).toEqual({ kind: 'unreachable', message: 'unreachable' });
  });

  it('out-of-bounds load and store', () => {
    const load = trapOf('load_oob');
    expect(load.kind).toBe('out-of-bounds-memory');
    expect(load.message).toMatch(/out of bounds/);
    expect(trapOf('store_oob').kind).toBe('out-of-bounds-memory');
  });

  it('stack overflow from unbounded recursion', () => {
    const trap = trapOf('recurse', 0);
    expect(trap.kind).toBe('stack-overflow');
    expect(trap.message).toMatch(/call stack/i);
  });

  it('call_indirect with the wrong signature and through a null entry', () => {
    expect(trapOf('indirect_mismatch').kind).toBe('indirect-call-mismatch');
    expect(trapOf('indirect_null').kind).toBe('indirect-call-mismatch');
  });

  it('integer divide and remainder by zero, signed overflow, float truncation', () => {
    const div = trapOf('div_s', 1, 0);
    expect(div.kind).toBe('integer-arithmetic');
    expect(div.message).toMatch(/divide by zero/);
    expect(trapOf('rem_u', 1, 0).kind).toBe('integer-arithmetic');
    expect(trapOf('div_s', -0x80000000, -1).kind).toBe('integer-arithmetic');
    expect(trapOf('trunc', 1e100).kind).toBe('integer-arithmetic');
  });

  it('keeps the engine message verbatim and sets no exit code', () => {
    const trap = trapOf('unreachable');
    expect(trap).not.toHaveProperty('exitCode');
  });
});

describe('classifyTrap on host-side throws', () => {
  it('WASIProcExit is a wasi-exit with its exit code', () => {
    expect(classifyTrap(new WASIProcExit(3))).toEqual({ kind: 'wasi-exit', message: 'exit with exit code 3', exitCode: 3 });
    expect(classifyTrap(new WASIProcExit(0)).exitCode).toBe(0);
  });

  it('WASIProcExit thrown through a guest frame is still a wasi-exit', () => {
    const module = new WebAssembly.Module(
      wat('(module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32))) (func (export "run") i32.const 7 call $exit))'),
    );
    const instance = new WebAssembly.Instance(module, {
      wasi_snapshot_preview1: {
        proc_exit: (code: number) => {
          throw new WASIProcExit(code);
        },
      },
    });
    let trap: TrapInfo | undefined;
    try {
      (instance.exports['run'] as () => void)();
    } catch (thrown) {
      trap = classifyTrap(thrown);
    }
    expect(trap).toEqual({ kind: 'wasi-exit', message: 'exit with exit code 7', exitCode: 7 });
  });

  it('HostFunctionError is a host-function-error naming the import', () => {
    const trap = classifyTrap(new HostFunctionError('env.fetch_secret', 'this host does not provide this import'));
    expect(trap).toEqual({ kind: 'host-function-error', message: 'env.fetch_secret: this host does not provide this import' });
  });

  it('HostFunctionError wins over a message that looks like an engine trap', () => {
    expect(classifyTrap(new HostFunctionError('env.f', 'memory access out of bounds')).kind).toBe('host-function-error');
  });

  it('a thrown string (the WASI shim does this) is a host-function-error', () => {
    expect(classifyTrap('sockets not supported')).toEqual({ kind: 'host-function-error', message: 'sockets not supported' });
  });

  it('a plain Error from JS is a host-function-error, a RuntimeError without a known message is other', () => {
    expect(classifyTrap(new Error('boom')).kind).toBe('host-function-error');
    expect(classifyTrap(new WebAssembly.RuntimeError('something new')).kind).toBe('other');
    expect(classifyTrap(new RangeError('Invalid typed array length')).kind).toBe('other');
  });

  it('an out-of-memory message is out-of-memory', () => {
    expect(classifyTrap(new RangeError('WebAssembly.Memory.grow(): Out of memory')).kind).toBe('out-of-memory');
  });

  it('a thrown symbol is read as an exit', () => {
    expect(classifyTrap(Symbol('exit'))).toEqual({ kind: 'wasi-exit', message: 'exit' });
  });
});
