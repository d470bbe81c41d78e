/**
 * The midimon adapter against real WAT plugins: a fresh instance per call, the host's handling of
 * `alloc` returning 0 or a block past the end, bounds-checked strict-UTF-8 metadata, and the
 * filesystem grant (a preopened in-memory directory at `/`, or a denial in the trace).
 */
import { describe, expect, it } from 'vitest';
import { midimon } from '../../../src/profiles/midimon/index.js';
import { MidimonCaller } from '../../../src/profiles/midimon/midimon-caller.js';
import type { ExecuteCall } from '../../../src/profiles/midimon/midimon-caller.js';
import { contextFor } from '../../support/plugins.js';
import { compileWat } from '../../support/wat.js';
import type { CompiledWat } from '../../support/wat.js';
import { midimonModule, PATH_OPEN_IMPORT, pathOpen } from './midimon-wat.js';

function callerFor(compiled: CompiledWat): MidimonCaller {
  const ctx = contextFor(compiled, { profile: midimon });
  return new MidimonCaller((grants) => ctx.freshInstance(grants));
}

function status(call: ExecuteCall): number {
  if (call.kind !== 'status') throw new Error(`expected a status, got ${call.kind} at ${call.step}`);
  return call.code;
}

const REQUEST = '{"action":"my_action","context":{"velocity":100,"current_mode":null,"timestamp":1}}';

describe('MidimonCaller.execute', () => {
  it('runs every call in a fresh instance: a counter kept in a global never carries over', () => {
    const caller = callerFor(
      midimonModule({
        extra: '(global $calls (mut i32) (i32.const 0))',
        execute: '(global.set $calls (i32.add (global.get $calls) (i32.const 1))) (global.get $calls)',
      }),
    );
    expect([1, 2, 3].map(() => status(caller.execute(REQUEST, { capabilities: [] })))).toEqual([1, 1, 1]);
  });

  it('writes the request into the block alloc returned and passes its pointer and length', () => {
    // execute answers the first byte of the request when it sits at the pointer the allocator handed out
    const caller = callerFor(midimonModule({ execute: '(if (result i32) (i32.eq (local.get $ptr) (i32.const 1024)) (then (i32.load8_u (local.get $ptr))) (else (i32.const -1)))' }));
    const call = caller.execute(REQUEST, { capabilities: [] });
    expect(call).toMatchObject({ kind: 'status', code: '{'.charCodeAt(0), ptr: 1024, len: REQUEST.length });
  });

  it('writes at address 0 when alloc returns 0, as the real host does, and calls execute(0, len)', () => {
    const caller = callerFor(midimonModule({ alloc: '(i32.const 0)', execute: '(i32.add (local.get $ptr) (i32.load8_u (i32.const 0)))' }));
    expect(caller.execute(REQUEST, { capabilities: [] })).toMatchObject({ kind: 'status', code: '{'.charCodeAt(0), ptr: 0 });
  });

  it('reports a block past the end of memory as a write fault and never calls execute', () => {
    const caller = callerFor(midimonModule({ alloc: '(i32.const 65500)', execute: 'unreachable' }));
    const call = caller.execute(REQUEST, { capabilities: [] });
    expect(call).toMatchObject({ kind: 'fault', step: 'write-request', fault: { kind: 'block-out-of-bounds', ptr: 65500, requested: REQUEST.length, memoryBytes: 65536 } });
  });

  it('runs init first in the same instance only when asked to', () => {
    const caller = callerFor(
      midimonModule({
        extra: '(global $ready (mut i32) (i32.const 0))',
        initPrelude: '(global.set $ready (i32.const 1))',
        execute: '(i32.sub (i32.const 3) (i32.mul (global.get $ready) (i32.const 3)))',
      }),
    );
    expect(status(caller.execute(REQUEST, { capabilities: [] }))).toBe(3);
    expect(status(caller.execute(REQUEST, { capabilities: [], initFirst: true }))).toBe(0);
  });

  it('reports a trap with the step it happened in', () => {
    expect(callerFor(midimonModule({ execute: 'unreachable' })).execute(REQUEST, { capabilities: [] })).toMatchObject({ kind: 'trap', step: 'execute', trap: { kind: 'unreachable' } });
    expect(callerFor(midimonModule({ alloc: 'unreachable' })).execute(REQUEST, { capabilities: [] })).toMatchObject({ kind: 'trap', step: 'alloc' });
  });
});

describe('MidimonCaller.init', () => {
  it('reads the packed metadata as text', () => {
    const call = callerFor(midimonModule({ metadata: '{"name":"x"}' })).init();
    expect(call).toMatchObject({ kind: 'metadata', text: '{"name":"x"}', ptr: 16, len: 12 });
  });

  it('reports a pointer past the end of memory as an out-of-bounds fault', () => {
    const compiled = compileWat(`(module (memory (export "memory") 1)
      (func (export "init") (result i64) (i64.const 0x0000fff000000100))
      (func (export "alloc") (param i32) (result i32) (i32.const 0))
      (func (export "execute") (param i32 i32) (result i32) (i32.const 0)))`);
    expect(callerFor(compiled).init()).toMatchObject({ kind: 'fault', step: 'read-metadata', fault: { kind: 'out-of-bounds', ptr: 0xfff0, len: 0x100 } });
  });

  it('decodes strictly: a stray continuation byte is an invalid-utf8 fault with its offset', () => {
    const compiled = compileWat(`(module (memory (export "memory") 1)
      (data (i32.const 16) "{\\"a\\":\\"\\80\\"}")
      (func (export "init") (result i64) (i64.const 0x0000001000000009))
      (func (export "alloc") (param i32) (result i32) (i32.const 0))
      (func (export "execute") (param i32 i32) (result i32) (i32.const 0)))`);
    expect(callerFor(compiled).init()).toMatchObject({ kind: 'fault', fault: { kind: 'invalid-utf8', firstBadByte: 6 } });
  });
});

describe('MidimonCaller filesystem grant', () => {
  const writer = midimonModule({ imports: PATH_OPEN_IMPORT, extra: '(data (i32.const 800) "data.txt")', execute: pathOpen(800, 8) });

  it('preopens the plugin-data directory at / for the filesystem capability; files outlive the instance', () => {
    const caller = callerFor(writer);
    expect(status(caller.execute(REQUEST, { capabilities: ['filesystem'] }))).toBe(0);
    expect([...caller.dataDirectory.contents.keys()]).toEqual(['data.txt']);
    // a second instance sees the same directory, as the host's directory on disk would be
    expect(status(caller.execute(REQUEST, { capabilities: ['filesystem', 'midi'] }))).toBe(0);
  });

  it('grants no directory otherwise: the open fails with EBADF, visible in the trace', () => {
    const caller = callerFor(writer);
    const call = caller.execute(REQUEST, { capabilities: ['network'] });
    expect(status(call)).toBe(8);
    expect(call.hostCalls).toEqual([expect.objectContaining({ import: 'wasi_snapshot_preview1.path_open', result: 8 })]);
    expect(call.startupCalls).toBe(0);
    expect(caller.dataDirectory.contents.size).toBe(0);
  });

  it('counts the host calls instantiation made apart from those of the call', () => {
    const compiled = midimonModule({
      imports: '(import "wasi_snapshot_preview1" "fd_prestat_get" (func $prestat (param i32 i32) (result i32)))',
      extra: '(func (export "_initialize") (drop (call $prestat (i32.const 3) (i32.const 900))))',
      execute: '(call $prestat (i32.const 3) (i32.const 900))',
    });
    const call = callerFor(compiled).execute(REQUEST, { capabilities: [] });
    expect(call.startupCalls).toBe(1);
    expect(call.hostCalls.map((c) => c.result)).toEqual([8, 8]);
  });
});
