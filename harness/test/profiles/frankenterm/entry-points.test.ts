import { describe, expect, it } from 'vitest';
import { planEntryPoints } from '../../../src/profiles/frankenterm/entry-points.js';
import { compileWat } from '../../support/wat.js';
import { extensionToml, manifestOf } from './frankenterm-context.js';

const plan = (source: string, toml?: string) => planEntryPoints(compileWat(`(module (memory (export "memory") 1) ${source})`).info, toml === undefined ? undefined : manifestOf(toml));

describe('planEntryPoints', () => {
  it('plans every handler the manifest binds, once per export, with all its events', () => {
    const p = plan('(func (export "on_event"))', extensionToml([], '[hooks]\n"config.reload" = "on_event"\n"pane.focus" = "on_event"'));
    expect(p.kind === 'extension' && p.handlers).toEqual([{ name: 'on_event', events: ['config.reload', 'pane.focus'], unusable: undefined }]);
  });

  it('says why a handler cannot be called: missing, mistyped, not a function', () => {
    const toml = extensionToml([], '[hooks]\na = "missing"\nb = "takes_arg"\nc = "returns"\nd = "memory"');
    const p = plan('(func (export "takes_arg") (param i32)) (func (export "returns") (result i32) (i32.const 0))', toml);
    expect(p.kind === 'extension' && p.handlers.map((h) => [h.name, h.unusable])).toEqual([
      ['missing', 'is not exported'],
      ['takes_arg', 'is (i32) -> (), expected () -> ()'],
      ['returns', 'is () -> i32, expected () -> ()'],
      ['memory', 'is exported as a memory, not a function'],
    ]);
  });

  it('evaluates a module without a manifest as eval_config does: configure first, then _start, else nothing', () => {
    expect(plan('(func (export "configure") (result i32) (i32.const 0)) (func (export "_start"))')).toEqual({ kind: 'config', via: 'configure' });
    expect(plan('(func (export "configure")) (func (export "_start"))')).toEqual({ kind: 'config', via: '_start' });
    expect(plan('(func (export "_start") (param i32))')).toEqual({ kind: 'config', via: 'none' });
  });

  it('never treats an extension\'s configure or _start as entry points', () => {
    const p = plan('(func (export "configure") (result i32) (i32.const 0)) (func (export "on_reload"))', extensionToml());
    expect(p.kind === 'extension' && p.handlers.map((h) => h.name)).toEqual(['on_reload']);
  });
});
