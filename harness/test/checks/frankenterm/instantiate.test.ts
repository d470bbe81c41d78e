import { describe, expect, it } from 'vitest';
import instantiate from '../../../src/checks/frankenterm/instantiate.js';
import { findCheck } from '../../../src/checks/index.js';
import { frankentermContext, ftImports } from '../../profiles/frankenterm/frankenterm-context.js';

describe('lifecycle.instantiate (frankenterm)', () => {
  it('is the frankenterm implementation of the lifecycle.instantiate id', () => {
    expect(findCheck('lifecycle.instantiate', 'frankenterm')).toBe(instantiate);
  });

  it('passes a module within the 1024-page cap, with the ft_* functions linked', async () => {
    const outcome = await instantiate.run(frankentermContext(`(module ${ftImports('env')} (memory (export "memory") 1024))`));
    expect(outcome).toMatchObject({ status: 'passed', message: 'instantiated with 1024 pages of memory (cap 1024)' });
  });

  it('fails a module asking for more initial memory than the host allows, before instantiating it', async () => {
    const outcome = await instantiate.run(frankentermContext('(module (memory (export "memory") 2048))'));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe(
      'the module asks for 2048 pages (128 MiB) of initial memory; FrankenTerm caps a module at 1024 pages (64 MiB), so wasmtime refuses to instantiate it',
    );
  });

  it('fails a start function that traps', async () => {
    const outcome = await instantiate.run(frankentermContext('(module (memory (export "memory") 1) (func $boom unreachable) (start $boom))'));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/^instantiation failed \(unreachable\)/);
  });
});
