/**
 * `lifecycle.exports-callable`: which exports count, which shapes an Extism host can call, and how
 * the exports a run does not call are reported.
 */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/extism/exports-callable.js';
import { extismProfile } from '../../../src/profiles/extism/extism-profile.js';
import { contextFor } from '../../support/plugins.js';
import { compileWat } from '../../support/wat.js';

const run = (body: string) => check.run(contextFor(compileWat(`(module (memory (export "memory") 1) ${body})`), { profile: extismProfile }));

describe('lifecycle.exports-callable', () => {
  it('ignores runtime exports and reports every entry point as not exercised, with what it needs', async () => {
    const outcome = await run(`
      (func (export "greet") (result i32) (i32.const 0))
      (func (export "tick"))
      (func (export "_initialize"))
      (func (export "__new") (param i32 i32) (result i32) (i32.const 0))
      (func (export "malloc") (param i32) (result i32) (i32.const 0))`);
    expect(outcome).toMatchObject({
      status: 'passed',
      message: '2 exports are callable (() -> i32, or () -> () read as rc 0); not exercised without inputs: greet, tick',
      evidence: { notExercised: [{ export: 'greet', status: 'skipped', needs: expect.stringContaining('call("greet", input)') }, { export: 'tick' }] },
    });
  });

  it('fails exports that take arguments or return something else', async () => {
    const outcome = await run(`(func (export "sum") (param i32 i32) (result i32) (i32.const 0)) (func (export "big") (result i64) (i64.const 0))`);
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('`sum` is (i32, i32) -> i32; `big` is () -> i64') });
  });
});
