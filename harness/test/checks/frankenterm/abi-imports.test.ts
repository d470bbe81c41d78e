/** The generic abi.imports-provided check on FrankenTerm modules: both namespaces accepted, and named. */
import { describe, expect, it } from 'vitest';
import importsProvided from '../../../src/checks/abi/imports-provided.js';
import { frankentermContext, ftImports } from '../../profiles/frankenterm/frankenterm-context.js';

describe('abi.imports-provided under the frankenterm profile', () => {
  it('accepts the ft_* functions from `frankenterm` and from `env`', async () => {
    for (const ns of ['frankenterm', 'env']) {
      expect(await importsProvided.run(frankentermContext(`(module ${ftImports(ns)} (memory (export "memory") 1))`))).toMatchObject({ status: 'passed' });
    }
  });

  it('names both accepted namespaces for an ft_* import from any other module', async () => {
    const outcome = await importsProvided.run(frankentermContext('(module (import "ft" "ft_log" (func (param i32 i32 i32))) (memory (export "memory") 1))'));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe('`ft.ft_log` is not provided under `ft`; the host provides `ft_log` under `frankenterm` or `env`');
    if (outcome.status === 'failed') expect(outcome.evidence['fix']).toBe('import it from `frankenterm` or `env`');
  });

  it('fails an ft_* import declared with another signature', async () => {
    const outcome = await importsProvided.run(frankentermContext('(module (import "env" "ft_get_env" (func (param i32 i32))) (memory (export "memory") 1))'));
    expect(outcome.message).toBe('`env.ft_get_env` is imported as (i32, i32) -> (), the host implements (i32, i32) -> i32');
  });
});
