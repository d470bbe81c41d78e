import { describe, expect, it } from 'vitest';
import handlersExported from '../../../src/checks/frankenterm/handlers-exported.js';
import { extensionToml, frankentermContext } from '../../profiles/frankenterm/frankenterm-context.js';

const TOML = extensionToml([], '[hooks]\n"config.reload" = "on_reload"\n"pane.focus" = "on_focus"\n"key.press" = "on_key"');

describe('abi.handlers-exported', () => {
  it('skips a configuration module', async () => {
    expect((await handlersExported.run(frankentermContext('(module (memory (export "memory") 1))'))).status).toBe('skipped');
  });

  it('passes when every bound handler is () -> ()', async () => {
    const ctx = frankentermContext('(module (memory (export "memory") 1) (func (export "on_reload")) (func (export "on_focus")) (func (export "on_key")))', TOML);
    expect(await handlersExported.run(ctx)).toMatchObject({
      status: 'passed',
      message: '3 handlers exported as () -> (): `on_reload` (config.reload), `on_focus` (pane.focus), `on_key` (key.press)',
    });
  });

  it('fails each handler that takes arguments, returns a value or is missing, with its event', async () => {
    const ctx = frankentermContext('(module (memory (export "memory") 1) (func (export "on_reload") (param i32)) (func (export "on_focus") (result i32) (i32.const 0)))', TOML);
    const outcome = await handlersExported.run(ctx);
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe(
      '`on_reload` (config.reload) is (i32) -> (), expected () -> (); `on_focus` (pane.focus) is () -> i32, expected () -> (); `on_key` (key.press) is not exported',
    );
    if (outcome.status === 'failed') expect(outcome.evidence['fix']).toContain('without parameters or result');
  });
});
