/**
 * `lifecycle.instantiate` for Extism: application functions stubbed and reported, a load failure
 * and a trapping start function reported as data.
 */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/extism/instantiate.js';
import { extismProfile } from '../../../src/profiles/extism/extism-profile.js';
import { contextFor } from '../../support/plugins.js';
import { compileWat } from '../../support/wat.js';

const context = (source: string) => contextFor(compileWat(source), { profile: extismProfile });

describe('lifecycle.instantiate (extism)', () => {
  it('stubs the application host functions and names them', async () => {
    const outcome = await check.run(
      context(`(module
        (import "extism:host/env" "input_length" (func (result i64)))
        (import "extism:host/user" "lookup" (func $lookup (param i64) (result i64)))
        (import "extism:host/user" "tick" (func $tick))
        (memory (export "memory") 2)
        (func (export "_initialize") (call $tick))
        (func (export "run") (result i32) (i32.wrap_i64 (call $lookup (i64.const 7)))))`),
    );
    expect(outcome).toMatchObject({
      status: 'passed',
      message: expect.stringContaining('with 2 pages of plugin memory; application host functions stubbed (they return 0): extism:host/user.lookup, extism:host/user.tick'),
      evidence: { guest: 'reactor', returnCodesFrom: ['run'], hostCallsDuringInit: [{ import: 'extism:host/user.tick' }] },
    });
  });

  it('fails an import the runtime cannot resolve as a link error', async () => {
    const outcome = await check.run(context('(module (import "plusev" "f" (func)) (memory (export "memory") 1))'));
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('could not load the plugin (link-error)') });
  });

  it('fails a start function that traps', async () => {
    const outcome = await check.run(context('(module (memory (export "memory") 1) (func $s (drop (i32.div_u (i32.const 1) (i32.const 0)))) (start $s))'));
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('(integer-arithmetic)') });
  });
});
