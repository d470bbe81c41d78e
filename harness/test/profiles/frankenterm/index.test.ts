import { describe, expect, it } from 'vitest';
import { detectProfile } from '../../../src/profiles/detect-profile.js';
import { frankenterm, FRANKENTERM_PROFILES } from '../../../src/profiles/frankenterm/index.js';
import { formatSignature } from '../../../src/wasm/index.js';
import { compileWat } from '../../support/wat.js';
import { extensionToml, ftImports, manifestOf } from './frankenterm-context.js';

const info = (source: string) => compileWat(source).info;
const HANDLER = '(memory (export "memory") 1) (func (export "on_reload"))';
const dialectOf = (source: string, toml?: string) => frankenterm.detectDialect(info(source), toml === undefined ? undefined : manifestOf(toml));

describe('the frankenterm profile', () => {
  it('is registered, fresh per call, with the real host\'s limits', () => {
    expect(FRANKENTERM_PROFILES).toEqual([frankenterm]);
    expect(frankenterm.lifecycle).toBe('fresh');
    expect(frankenterm.limits).toMatchObject({ memoryPages: 1024, fuel: 1_000_000_000, callTimeoutMs: 10_000 });
  });

  it('offers each ft_* function under frankenterm and env with the host\'s signatures, and WASI preview1', () => {
    const ft = frankenterm.hostImports.filter((h) => h.name.startsWith('ft_')).map((h) => `${h.module}.${h.name} ${formatSignature(h.signature)}`);
    expect(ft.sort()).toEqual([
      'env.ft_get_env (i32, i32) -> i32',
      'env.ft_log (i32, i32, i32) -> ()',
      'env.ft_return_buffer_read (i32, i32) -> i32',
      'frankenterm.ft_get_env (i32, i32) -> i32',
      'frankenterm.ft_log (i32, i32, i32) -> ()',
      'frankenterm.ft_return_buffer_read (i32, i32) -> i32',
    ]);
    expect(frankenterm.hostImports.some((h) => h.module === 'wasi_snapshot_preview1' && h.name === 'fd_write')).toBe(true);
  });
});

describe('detectDialect', () => {
  it('names the namespace of the ft_* imports: frankenterm, env, mixed, other or none', () => {
    expect(dialectOf(`(module ${ftImports('frankenterm')} ${HANDLER})`)['namespace']).toBe('frankenterm');
    expect(dialectOf(`(module ${ftImports('env')} ${HANDLER})`)['namespace']).toBe('env');
    const mixed = `(module (import "frankenterm" "ft_log" (func (param i32 i32 i32))) (import "env" "ft_get_env" (func (param i32 i32) (result i32))) ${HANDLER})`;
    expect(dialectOf(mixed)['namespace']).toBe('mixed');
    expect(dialectOf(`(module (import "ft" "ft_log" (func (param i32 i32 i32))) ${HANDLER})`)['namespace']).toBe('other');
    expect(dialectOf(`(module ${HANDLER})`)['namespace']).toBe('none');
  });

  it('names the manifest\'s hooks form and what the host calls', () => {
    const module = `(module ${ftImports()} ${HANDLER})`;
    expect(dialectOf(module, extensionToml())).toEqual({ namespace: 'frankenterm', hooks: 'table', entry: 'handlers' });
    expect(dialectOf(module, extensionToml([], '[[hooks]]\nevent = "config.reload"\nhandler = "on_reload"'))['hooks']).toBe('array');
    expect(dialectOf(module, extensionToml([], ''))['hooks']).toBe('none');
    expect(dialectOf(`(module (memory (export "memory") 1) (func (export "configure") (result i32) (i32.const 0)) (func (export "_start")))`)).toEqual({
      namespace: 'none',
      hooks: 'no-manifest',
      entry: 'configure',
    });
    expect(dialectOf('(module (memory (export "memory") 1) (func (export "_start")))')['entry']).toBe('_start');
    // eval_config looks configure up as () -> i32: a mistyped one is not the configure entry.
    expect(dialectOf('(module (memory (export "memory") 1) (func (export "configure")))')['entry']).toBe('none');
  });
});

describe('detection', () => {
  it('detects an extension by its ft_* imports, with the handlers its manifest names as entry points', () => {
    const module = info(`(module (import "env" "ft_log" (func (param i32 i32 i32))) ${HANDLER})`);
    const detection = detectProfile(module, manifestOf(extensionToml()));
    expect(detection.kind === 'matched' && detection.best.profile).toBe('frankenterm');
    expect(detection.kind === 'matched' && detection.best.entryPoints).toEqual(['on_reload']);
    expect(detection.kind === 'matched' && detection.best.hostImports).toEqual(['env.ft_log']);
  });

  it('has nothing to score in a module whose only FrankenTerm trait is its handlers (use --profile frankenterm)', () => {
    const detection = detectProfile(info(`(module ${HANDLER})`), manifestOf(extensionToml()));
    expect(detection.candidates.find((c) => c.profile === 'frankenterm')).toMatchObject({ score: 0, entryPoints: ['on_reload'] });
  });

  it('detects a configuration module by configure, and a WASI command by _start', () => {
    const configure = detectProfile(info('(module (memory (export "memory") 1) (func (export "configure") (result i32) (i32.const 0)) (func (export "configure_len") (result i32) (i32.const 0)))'));
    expect(configure.kind === 'matched' && configure.best.profile).toBe('frankenterm');
    const command = detectProfile(info('(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32))) (memory (export "memory") 1) (func (export "_start")))'));
    expect(command.kind === 'matched' && command.best.profile).toBe('frankenterm');
  });

  it('does not claim a _start module that imports functions FrankenTerm does not offer', () => {
    const other = detectProfile(info('(module (import "extism:host/env" "input_length" (func (result i64))) (memory (export "memory") 1) (func (export "_start")))'));
    expect(other.kind === 'matched' && other.best.profile === 'frankenterm').toBe(false);
  });

  it('does not make any module with a memory a FrankenTerm candidate', () => {
    const score = detectProfile(info('(module (memory (export "memory") 1) (func (export "http_pre_hook") (param i32 i32) (result i64) (i64.const 0)))')).candidates.find(
      (c) => c.profile === 'frankenterm',
    );
    expect(score?.score).toBe(0);
  });
});
