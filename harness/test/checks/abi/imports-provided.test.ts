import { describe, expect, it } from 'vitest';
import importsProvided from '../../../src/checks/abi/imports-provided.js';
import { bifrostV1 } from '../../../src/profiles/bifrost-v1/index.js';
import type { Profile } from '../../../src/profiles/profile.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { contextFor, loadBundled } from '../../support/plugins.js';
import { compileWat } from '../../support/wat.js';

interface Problem {
  readonly import: string;
  readonly problem: string;
  readonly fix: string;
}

async function verdict(imports: string, profile?: Profile): Promise<CheckOutcome> {
  const compiled = compileWat(`(module ${imports} (memory (export "memory") 1))`);
  return importsProvided.run(contextFor(compiled, profile === undefined ? {} : { profile }));
}

function problems(outcome: CheckOutcome): Problem[] {
  if (outcome.status !== 'failed') throw new Error(`expected failed, got ${outcome.status}: ${outcome.message}`);
  return outcome.evidence['problems'] as Problem[];
}

describe('abi.imports-provided', () => {
  it('passes a module that imports nothing', async () => {
    expect(await verdict('')).toEqual({ status: 'passed', message: 'the module imports nothing' });
  });

  it('passes WASI imports declared with the host signatures', async () => {
    const outcome = await verdict(`
      (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "clock_time_get" (func (param i32 i64 i32) (result i32)))
      (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))`);
    expect(outcome).toEqual({ status: 'passed', message: 'all 3 imports are provided' });
  });

  it('names wasi_snapshot_preview1 for an import from wasi_unstable', async () => {
    const outcome = await verdict('(import "wasi_unstable" "fd_write" (func (param i32 i32 i32 i32) (result i32)))');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`wasi_unstable.fd_write`');
    expect(outcome.message).toContain('the host provides `fd_write` under `wasi_snapshot_preview1`');
    const [problem] = problems(outcome);
    expect(problem?.fix).toBe('import it from `wasi_snapshot_preview1`');
  });

  it('reports a WASI import with the wrong signature as mistyped, with both signatures', async () => {
    const outcome = await verdict('(import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32) (result i32)))');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe(
      '`wasi_snapshot_preview1.fd_write` is imported as (i32, i32, i32) -> i32, the host implements (i32, i32, i32, i32) -> i32',
    );
    expect(problems(outcome)[0]?.fix).toBe('declare the import as (i32, i32, i32, i32) -> i32');
  });

  it('catches an i32 where WASI takes an i64', async () => {
    const outcome = await verdict('(import "wasi_snapshot_preview1" "clock_time_get" (func (param i32 i32 i32) (result i32)))');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('the host implements (i32, i64, i32) -> i32');
  });

  it('recognises AssemblyScript\'s env.abort and says how to build without it', async () => {
    const outcome = await verdict('(import "env" "abort" (func (param i32 i32 i32 i32)))');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/abort handler/);
    const [problem] = problems(outcome);
    expect(problem?.import).toBe('env.abort');
    expect(problem?.fix).toContain('--use abort=');
    if (outcome.status === 'failed') expect(outcome.evidence['fix']).toContain('--use abort=');
  });

  it('fails an imported memory: the host provides only functions', async () => {
    const compiled = compileWat('(module (import "env" "memory" (memory 1)) (export "memory" (memory 0)))');
    const outcome = await importsProvided.run(contextFor(compiled));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`env.memory` imports a memory');
    expect(problems(outcome)[0]?.fix).toMatch(/define the memory inside the module/);
  });

  it('fails an unknown import and names the profile', async () => {
    const outcome = await verdict('(import "env" "fetch_secret" (func (param i32) (result i32)))');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe('`env.fetch_secret` is not provided by the bifrost-v2 host');
    expect((await verdict('(import "env" "fetch_secret" (func))', bifrostV1)).message).toContain('bifrost-v1 host');
  });

  it('lists every problem, in import order, and the first fix', async () => {
    const outcome = await verdict(`
      (import "wasi_snapshot_preview1" "random_get" (func (param i32 i32) (result i32)))
      (import "env" "abort" (func (param i32 i32 i32 i32)))
      (import "wasi_unstable" "proc_exit" (func (param i32)))`);
    expect(problems(outcome).map((p) => p.import)).toEqual(['env.abort', 'wasi_unstable.proc_exit']);
    if (outcome.status !== 'failed') return;
    expect(outcome.message.startsWith('`env.abort` ')).toBe(true);
    expect(outcome.message).toContain('; `wasi_unstable.proc_exit` is not provided under `wasi_unstable`');
    expect(outcome.message).not.toContain('random_get');
    expect(outcome.evidence['fix']).toContain('--use abort=');
    expect(outcome.evidence['imports']).toEqual([
      { module: 'wasi_snapshot_preview1', name: 'random_get', kind: 'function', signature: '(i32, i32) -> i32' },
      { module: 'env', name: 'abort', kind: 'function', signature: '(i32, i32, i32, i32) -> ()' },
      { module: 'wasi_unstable', name: 'proc_exit', kind: 'function', signature: '(i32) -> ()' },
    ]);
  });

  it('agrees with the bundled unknown-import plugin', async () => {
    const outcome = await importsProvided.run(contextFor(loadBundled('bifrost-v2-unknown-import')));
    expect(outcome.status).toBe('failed');
  });
});
