import { describe, expect, it } from 'vitest';
import { entryPointRuns } from '../../../src/profiles/frankenterm/entry-point-runs.js';
import { extensionToml, frankentermContext, ftImports } from './frankenterm-context.js';

// Each handler bumps a global and logs its new value as one digit: a reused instance would log "2".
const COUNTING = `(module ${ftImports()} (memory (export "memory") 1) (global $calls (mut i32) (i32.const 0))
  (func $bump (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.store8 (i32.const 1024) (i32.add (i32.const 48) (global.get $calls)))
    (call $ft_log (i32.const 2) (i32.const 1024) (i32.const 1)))
  (func (export "on_a") (call $bump))
  (func (export "on_b") (call $bump)))`;
const TOML = extensionToml([], '[hooks]\n"a" = "on_a"\n"b" = "on_b"');

describe('entryPointRuns', () => {
  it('calls every handler in its own fresh instance, as FrankenTerm gives every call a new Store', () => {
    const { runs } = entryPointRuns(frankentermContext(COUNTING, TOML));
    expect(runs.map((r) => [r.entry, r.events, r.outcome.kind, r.host.logs])).toEqual([
      ['on_a', ['a'], 'returned', [{ level: 2, text: '1' }]],
      ['on_b', ['b'], 'returned', [{ level: 2, text: '1' }]],
    ]);
    expect(runs[0]?.hostCalls.map((c) => c.import)).toEqual(['frankenterm.ft_log']);
  });

  it('runs the entry points once per worker, however many checks ask', () => {
    const ctx = frankentermContext(COUNTING, TOML);
    expect(entryPointRuns(ctx)).toBe(entryPointRuns(ctx));
  });

  it('reads what configure() points at inside the instance that produced it', () => {
    const ctx = frankentermContext(`(module (memory (export "memory") 1)
      (func (export "configure") (result i32) (i32.store8 (i32.const 2000) (i32.const 123)) (i32.store8 (i32.const 2001) (i32.const 125)) (i32.const 2000))
      (func (export "configure_len") (result i32) (i32.const 2)))`);
    const [run] = entryPointRuns(ctx).runs;
    expect(run?.configure).toEqual({ ptr: 2000, len: 2, text: { ok: true, value: '{}' } });
  });
});
