/**
 * The return-code probe: the rewritten module validates, keeps every export working, and reports
 * the code of each `() -> i32` export through its global, whatever sections the module lacks.
 */
import { describe, expect, it } from 'vitest';
import { NO_RETURN_CODE, probeReturnCodes } from '../../../src/profiles/extism/return-code-probe.js';
import { inspectModule } from '../../../src/wasm/index.js';
import { compileWat } from '../../support/wat.js';

function probe(source: string) {
  const compiled = compileWat(source);
  const probed = probeReturnCodes(compiled.bytes, compiled.info);
  expect(WebAssembly.validate(probed.bytes)).toBe(true);
  return { probed, info: inspectModule(probed.bytes) };
}

function instantiate(bytes: Uint8Array<ArrayBuffer>, imports: WebAssembly.Imports = {}) {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), imports).exports;
}

describe('probeReturnCodes', () => {
  it('wraps every () -> i32 export and leaves the others alone', () => {
    const { probed, info } = probe(`(module
      (global $g (mut i32) (i32.const 5))
      (func (export "five") (result i32) (global.get $g))
      (func (export "minus") (result i32) (i32.const -3))
      (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
      (func (export "nothing"))
      (memory (export "memory") 1))`);
    expect(probed.wrapped).toEqual(['five', 'minus']);
    expect(info.exports.map((e) => e.name)).toEqual(['five', 'minus', 'add', 'nothing', 'memory', '__plugcheck_rc']);
    const exports = instantiate(probed.bytes);
    const rc = exports['__plugcheck_rc'] as WebAssembly.Global;
    expect(rc.value).toBe(NO_RETURN_CODE);
    expect((exports['five'] as () => number)()).toBe(5);
    expect(rc.value).toBe(5n);
    expect((exports['minus'] as () => number)()).toBe(-3);
    // Zero-extended: -3 as an i32 is 0xfffffffd, never the -1 "no code" marker.
    expect(rc.value).toBe(0xfffffffdn);
    expect((exports['add'] as (a: number, b: number) => number)(2, 3)).toBe(5);
  });

  it('adds the global and function sections a module without them needs', () => {
    const { probed } = probe(`(module
      (import "host" "code" (func $code (result i32)))
      (export "code" (func $code)))`);
    expect(probed.wrapped).toEqual(['code']);
    const exports = instantiate(probed.bytes, { host: { code: () => 42 } });
    expect((exports['code'] as () => number)()).toBe(42);
    expect((exports['__plugcheck_rc'] as WebAssembly.Global).value).toBe(42n);
  });

  it('counts imported functions and globals before the new ones', () => {
    const { probed } = probe(`(module
      (import "host" "g" (global $imported i32))
      (import "host" "t" (table 1 funcref))
      (import "host" "m" (memory 1))
      (import "host" "f" (func $f (result i32)))
      (global $own (mut i64) (i64.const 9))
      (func $run (result i32) (i32.add (call $f) (global.get $imported)))
      (export "run" (func $run))
      (export "run_again" (func $run)))`);
    const exports = instantiate(probed.bytes, {
      host: { g: new WebAssembly.Global({ value: 'i32' }, 3), t: new WebAssembly.Table({ initial: 1, element: 'anyfunc' }), m: new WebAssembly.Memory({ initial: 1 }), f: () => 4 },
    });
    expect((exports['run_again'] as () => number)()).toBe(7);
    expect((exports['__plugcheck_rc'] as WebAssembly.Global).value).toBe(7n);
  });

  it('picks another global name when the plugin already exports __plugcheck_rc', () => {
    const { probed } = probe(`(module (global (export "__plugcheck_rc") i32 (i32.const 0)) (func (export "run") (result i32) (i32.const 1)))`);
    expect(probed.global).toBe('___plugcheck_rc');
  });

  it('returns the module unchanged when nothing returns a code', () => {
    const compiled = compileWat('(module (func (export "run")))');
    const probed = probeReturnCodes(compiled.bytes, compiled.info);
    expect(probed).toMatchObject({ wrapped: [], global: '' });
    expect(probed.bytes).toEqual(compiled.bytes);
  });
});
