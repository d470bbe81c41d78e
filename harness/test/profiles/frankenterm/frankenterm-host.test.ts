import { describe, expect, it } from 'vitest';
import { frankentermInstance } from '../../../src/profiles/frankenterm/entry-point-runs.js';
import { FIXTURE_ENV } from '../../../src/profiles/frankenterm/fixture-env.js';
import { FrankentermHost } from '../../../src/profiles/frankenterm/frankenterm-host.js';
import type { PluginInstance } from '../../../src/host/plugin-instance.js';
import { frankentermContext, ftImports } from './frankenterm-context.js';

// Exports that call each host function with the arguments the test passes; strings live at 1024+.
const MODULE = (ns = 'frankenterm') => `(module ${ftImports(ns)}
  (memory (export "memory") 1)
  (data (i32.const 1024) "hello")
  (data (i32.const 1040) "TERM")
  (data (i32.const 1050) "HOME")
  (data (i32.const 1060) "FRANKENTERM_THEME")
  (data (i32.const 1100) "\\ff\\fe")
  (func (export "log") (param i32 i32 i32) (call $ft_log (local.get 0) (local.get 1) (local.get 2)))
  (func (export "env") (param i32 i32) (result i32) (call $ft_get_env (local.get 0) (local.get 1)))
  (func (export "read") (param i32 i32) (result i32) (call $ft_read (local.get 0) (local.get 1))))`;

function setup(environment: readonly string[] = ['TERM', 'FRANKENTERM_*'], ns = 'frankenterm'): { host: FrankentermHost; instance: PluginInstance } {
  const host = new FrankentermHost({ environment, env: FIXTURE_ENV });
  const created = frankentermInstance(frankentermContext(MODULE(ns)), host);
  if (!created.ok) throw new Error(`instantiation failed: ${created.trap.message}`);
  return { host, instance: created.value };
}

function call(instance: PluginInstance, name: string, ...args: number[]): unknown {
  const result = instance.call(name, args);
  if (!result.ok) throw new Error(`${name} trapped: ${result.trap.message}`);
  return result.value;
}

const text = (instance: PluginInstance, ptr: number, len: number): string => {
  const read = instance.memory?.readString(ptr, len);
  if (read === undefined || !read.ok) throw new Error('unreadable');
  return read.value;
};

describe('ft_log', () => {
  it('records level and text, and an empty message without looking at the pointer', () => {
    const { host, instance } = setup();
    call(instance, 'log', 2, 1024, 5);
    call(instance, 'log', 4, 999_999, 0);
    expect(host.logs).toEqual([{ level: 2, text: 'hello' }, { level: 4, text: '' }]);
    expect(host.findings).toEqual([]);
    expect(host.logCount).toBe(2);
  });

  it('records a pointer outside memory and invalid UTF-8 as findings, logs null, and carries on like the real host', () => {
    const { host, instance } = setup();
    call(instance, 'log', 2, 65530, 10);
    call(instance, 'log', 2, -4, 2);
    call(instance, 'log', 2, 1100, 2);
    expect(host.logs.map((l) => l.text)).toEqual([null, null, null]);
    expect(host.findings).toEqual([
      { kind: 'memory', call: 'ft_log', argument: 'msg_ptr/msg_len', fault: { kind: 'out-of-bounds', ptr: 65530, len: 10, memoryBytes: 65536 } },
      { kind: 'memory', call: 'ft_log', argument: 'msg_ptr/msg_len', fault: { kind: 'out-of-bounds', ptr: -4, len: 2, memoryBytes: 65536 } },
      { kind: 'memory', call: 'ft_log', argument: 'msg_ptr/msg_len', fault: { kind: 'invalid-utf8', ptr: 1100, len: 2, firstBadByte: 0 } },
    ]);
  });

  it('reports a level outside 0..4 and still records the line', () => {
    const { host, instance } = setup();
    call(instance, 'log', 5, 1024, 5);
    call(instance, 'log', -1, 1024, 5);
    expect(host.findings).toEqual([
      { kind: 'log-level', call: 'ft_log', level: 5 },
      { kind: 'log-level', call: 'ft_log', level: -1 },
    ]);
    expect(host.logs).toHaveLength(2);
  });
});

describe('ft_get_env and ft_return_buffer_read', () => {
  it('answers an allowed, set variable from the fixture (never the real environment) and copies it out', () => {
    const { host, instance } = setup();
    expect(call(instance, 'env', 1040, 4)).toBe(FIXTURE_ENV['TERM']?.length);
    expect(call(instance, 'read', 2048, 64)).toBe(14);
    expect(text(instance, 2048, 14)).toBe('xterm-256color');
    expect(host.envReads).toEqual([{ key: 'TERM', outcome: 'value', returned: 14 }]);
    expect(host.readsAfterFailedEnv).toEqual([]);
  });

  it('copies min(len, buffer) and keeps the buffer for the next read', () => {
    const { instance } = setup();
    call(instance, 'env', 1040, 4);
    expect(call(instance, 'read', 2048, 5)).toBe(5);
    expect(text(instance, 2048, 5)).toBe('xterm');
    expect(call(instance, 'read', 3000, 100)).toBe(14);
  });

  it('returns -1 for a key outside the allow-list, and for an allowed but unset one, recording which', () => {
    const { host, instance } = setup();
    expect(call(instance, 'env', 1050, 4)).toBe(-1);
    expect(call(instance, 'env', 1060, 17)).toBe(-1);
    expect(host.envReads).toEqual([
      { key: 'HOME', outcome: 'denied', returned: -1 },
      { key: 'FRANKENTERM_THEME', outcome: 'unset', returned: -1 },
    ]);
  });

  it('denies everything without an allow-list (a configuration module has no manifest)', () => {
    const { instance } = setup([]);
    expect(call(instance, 'env', 1040, 4)).toBe(-1);
  });

  it('returns -1 for an unreadable key and reports the pointer', () => {
    const { host, instance } = setup();
    expect(call(instance, 'env', 70000, 4)).toBe(-1);
    expect(host.envReads).toEqual([{ key: null, outcome: 'unreadable-key', returned: -1 }]);
    expect(host.findings[0]).toMatchObject({ call: 'ft_get_env', argument: 'key_ptr/key_len' });
  });

  it('records a buffer read after a failed ft_get_env, with the stale bytes it can hand out', () => {
    const { host, instance } = setup();
    call(instance, 'env', 1040, 4);
    call(instance, 'log', 2, 1024, 5);
    call(instance, 'env', 1050, 4);
    expect(call(instance, 'read', 2048, 64)).toBe(14);
    expect(host.readsAfterFailedEnv).toEqual([
      { failedRead: { key: 'HOME', outcome: 'denied', returned: -1 }, outPtr: 2048, outLen: 64, returned: 14, staleBytes: 14, logIndex: 1 },
    ]);
  });

  it('returns -1 for a negative length without a finding, and 0 when there is nothing to copy', () => {
    const { host, instance } = setup();
    expect(call(instance, 'read', 2048, -1)).toBe(-1);
    expect(call(instance, 'read', 2048, 16)).toBe(0);
    expect(host.findings).toEqual([]);
  });

  it('reports a destination outside memory; returns -1 when the copy itself cannot land', () => {
    const { host, instance } = setup();
    call(instance, 'env', 1040, 4);
    expect(call(instance, 'read', 65530, 4)).toBe(4);
    expect(call(instance, 'read', 65530, 100)).toBe(-1);
    expect(call(instance, 'read', -8, 4)).toBe(-1);
    expect(host.findings.map((f) => (f.kind === 'memory' ? [f.call, f.fault.ptr, f.fault.len] : f.kind))).toEqual([
      ['ft_return_buffer_read', 65530, 100],
      ['ft_return_buffer_read', -8, 4],
    ]);
  });
});

describe('namespaces', () => {
  it('serves the same functions under `env`, the docs\' namespace', () => {
    const { host, instance } = setup(['TERM'], 'env');
    call(instance, 'log', 1, 1024, 5);
    expect(call(instance, 'env', 1040, 4)).toBe(14);
    expect(host.logs).toEqual([{ level: 1, text: 'hello' }]);
    expect(instance.trace.calls.map((c) => c.import)).toEqual(['env.ft_log', 'env.ft_get_env']);
  });
});
