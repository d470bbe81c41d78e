import { describe, expect, it } from 'vitest';
import entryPointsRun from '../../../src/checks/frankenterm/entry-points-run.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { extensionToml, frankentermContext, ftImports } from '../../profiles/frankenterm/frankenterm-context.js';

const run = async (source: string, toml?: string): Promise<CheckOutcome> => entryPointsRun.run(frankentermContext(source, toml));

/** A configuration module whose configure()/configure_len() return `ptr`/`len` over `data` at 1024. */
const configModule = (data: string, ptr: number, len: number) => `(module (memory (export "memory") 1)
  (data (i32.const 1024) "${data}")
  (func (export "configure") (result i32) (i32.const ${ptr}))
  (func (export "configure_len") (result i32) (i32.const ${len})))`;

/** A WASI command whose _start writes `data` (at 1024, `len` bytes) to stdout, then runs `tail`. */
const startModule = (data: string, len: number, tail = '') => `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 1024) "${data}")
  (func (export "_start")
    (i32.store (i32.const 16) (i32.const 1024))
    (i32.store (i32.const 20) (i32.const ${len}))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 32)))
    ${tail}))`;

describe('lifecycle.entry-points-run: extensions', () => {
  const handlers = `(module ${ftImports()} (memory (export "memory") 1) (data (i32.const 1024) "hi")
    (func (export "on_reload") (call $ft_log (i32.const 2) (i32.const 1024) (i32.const 2)))
    (func (export "on_focus") (call $ft_log (i32.const 1) (i32.const 1024) (i32.const 2)) unreachable)
    (func (export "bad") (param i32)))`;
  const toml = (hooks: string) => extensionToml([], `[hooks]\n${hooks}`);

  it('runs each usable handler once, in a fresh instance, and counts the log lines', async () => {
    const outcome = await run(handlers, toml('"config.reload" = "on_reload"\n"also" = "on_reload"\n"typed" = "bad"'));
    expect(outcome).toMatchObject({ status: 'passed', message: '1 entry point ran to completion in fresh instances: `on_reload` (config.reload, also); 1 log lines' });
  });

  it('fails a handler that traps, naming its event, the trap and what it logged first', async () => {
    const outcome = await run(handlers, toml('"config.reload" = "on_reload"\n"pane.focus" = "on_focus"'));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe('`on_focus` (pane.focus) trapped (unreachable): unreachable');
    if (outcome.status !== 'failed') return;
    const [failing] = outcome.evidence['failing'] as Record<string, unknown>[];
    expect(failing).toMatchObject({ entry: 'on_focus', logs: [{ level: 'debug', text: 'hi' }] });
    expect(outcome.evidence['passing']).toEqual(['on_reload']);
  });

  it('skips when no handler can be called, pointing at the check that says why', async () => {
    expect(await run(handlers, toml('"typed" = "bad"'))).toMatchObject({ status: 'skipped', message: expect.stringContaining('abi.handlers-exported') });
    expect(await run(handlers, extensionToml([], ''))).toMatchObject({ status: 'skipped', message: expect.stringContaining('manifest.hooks-declared') });
  });
});

describe('lifecycle.entry-points-run: configuration modules', () => {
  it('passes configure()/configure_len() pointing at a JSON object', async () => {
    const outcome = await run(configModule('{\\"font_size\\":13}', 1024, 16));
    expect(outcome).toMatchObject({ status: 'passed', message: expect.stringContaining('configure() (16 bytes at 1024) is a JSON object with 1 keys (font_size)') });
  });

  it('fails a module with no manifest, no configure and no _start with the host\'s own words', async () => {
    const outcome = await run('(module (memory (export "memory") 1) (func (export "main")))');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('"WASM module exports neither configure() nor _start()"');
  });

  it.each([
    ['a missing configure_len', '(module (memory (export "memory") 1) (func (export "configure") (result i32) (i32.const 0)))', 'exports `configure()` but no `configure_len() -> i32`'],
    ['a negative length', configModule('{}', 1024, -1), 'returned 1024/-1: a negative address or length'],
    ['a range past the end of memory', configModule('{}', 65530, 16), 'point at 65530..65546, outside memory (65536 bytes)'],
  ])('fails %s', async (_what, source, message) => {
    const outcome = await run(source);
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain(message);
  });

  // What readable bytes say is schema.config-output's finding (harness/test/checks/schema/frankenterm-schemas.test.ts).
  it.each([
    ['invalid UTF-8', configModule('{\\"a\\":\\"\\ff\\"}', 1024, 8)],
    ['text that is not JSON', configModule('{\\"a\\":1,}', 1024, 8)],
    ['a JSON value that is not an object', configModule('[1]', 1024, 3)],
  ])('leaves %s to schema.config-output', async (_what, source) => {
    expect(await run(source)).toMatchObject({ status: 'passed', message: expect.stringContaining('read (its content fails schema.config-output)') });
  });

  it('fails configure or configure_len trapping, naming which', async () => {
    const outcome = await run('(module (memory (export "memory") 1) (func (export "configure") (result i32) (i32.const 0)) (func (export "configure_len") (result i32) unreachable))');
    expect(outcome.message).toBe('`configure` trapped in `configure_len` (unreachable): unreachable');
  });

  it('passes _start writing a JSON object to stdout without a trailing newline', async () => {
    const outcome = await run(startModule('{\\"font_size\\":12}', 16));
    expect(outcome).toMatchObject({ status: 'passed', message: expect.stringContaining('_start stdout (16 bytes) is a JSON object with 1 keys (font_size)') });
  });

  it('fails _start writing nothing', async () => {
    expect((await run(startModule('{}', 0))).message).toContain('"WASM module produced no output on stdout"');
  });

  it('accepts proc_exit(0) from _start with a warning, fails a non-zero exit', async () => {
    const zero = await run(startModule('{}', 2, '(call $exit (i32.const 0))'));
    expect(zero.status).toBe('passed');
    expect(zero.message).toContain('warning: `_start` ended with proc_exit(0)');
    const one = await run(startModule('{}', 2, '(call $exit (i32.const 3))'));
    expect(one).toMatchObject({ status: 'failed', message: '`_start` called proc_exit(3)' });
  });
});
