/**
 * limits.memory and limits.fuel for FrankenTerm and Extism, run directly on a check context: the
 * bundled bombs and hogs fail with the pages reached and the fuel burnt, the limit's source is
 * named (real host, option, Extism manifest, plugcheck default), an option or a manifest moves the
 * cap, and instruction counts are the same on every run.
 */
import { describe, expect, it } from 'vitest';
import { EXTISM_DEFAULT_LIMITS } from '../../../src/profiles/effective-limits.js';
import { frankenterm } from '../../../src/profiles/frankenterm/index.js';
import { contextFor } from '../../support/plugins.js';
import { compileWat } from '../../support/wat.js';
import { evidenceOf, limitCheck, runLimit } from './limit-context.js';

/** A FrankenTerm configuration module whose start function spins `iterations` times first. */
const startHog = (iterations: number) =>
  compileWat(`(module
    (memory (export "memory") 1)
    (data (i32.const 0) "{}")
    (global $sink (mut i32) (i32.const 0))
    (func $spin (local $i i32)
      (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1))) (br_if $l (i32.lt_u (local.get $i) (i32.const ${iterations}))))
      (global.set $sink (local.get $i)))
    (start $spin)
    (func (export "configure") (result i32) (i32.const 0))
    (func (export "configure_len") (result i32) (i32.const 2)))`);

describe('limits.memory (FrankenTerm)', () => {
  it('fails the memory bomb at the 64 MiB cap, with the pages reached', async () => {
    const outcome = await runLimit('limits.memory', 'limits-frankenterm-memory-bomb', 'frankenterm');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`configure` reached 1024 pages (64 MiB)');
    expect(evidenceOf(outcome)).toMatchObject({ capPages: 1024, capSource: 'real host', pagesReached: 1024, instances: 'fresh per call' });
  });

  it('passes it under a larger cap given as an option (--memory-cap 128)', async () => {
    const outcome = await runLimit('limits.memory', 'limits-frankenterm-memory-bomb', 'frankenterm', { memoryCapPages: 2048 });
    expect(outcome.status).toBe('passed');
    expect(evidenceOf(outcome)).toMatchObject({ capPages: 2048, capSource: 'option', pagesReached: 1100 });
  });

  it('waits for the entry-point run, so a run that never ends is reported there once', () => {
    expect(limitCheck('limits.memory', 'frankenterm').dependsOn).toEqual(['lifecycle.entry-points-run']);
  });
});

describe('limits.memory (Extism)', () => {
  it('fails the data-source memory bomb at plugcheck\'s cap when the manifest sets none, naming the call that reached it', async () => {
    const outcome = await runLimit('limits.memory', 'limits-extism-memory-bomb', 'extism-datasource');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`start_stream` reached 4096 pages (256 MiB)');
    // The instance is reused: stop_stream finds memory at the cap but did not take it there.
    expect(outcome.message).not.toContain('`stop_stream` reached');
    expect(evidenceOf(outcome)).toMatchObject({ capPages: EXTISM_DEFAULT_LIMITS.memoryPages, capSource: 'plugcheck default', instances: 'one per plugin' });
  });

  it('takes the cap from the manifest\'s memory.max_pages', async () => {
    const under = await runLimit('limits.memory', 'limits-extism-memory-bomb', 'extism-datasource', { extismManifest: { memory: { max_pages: 8192 } } });
    expect(under.status).toBe('passed');
    expect(evidenceOf(under)).toMatchObject({ capPages: 8192, capSource: 'extism manifest' });
    expect(evidenceOf(under)['pagesReached']).toBeGreaterThanOrEqual(4200);
    const good = await runLimit('limits.memory', 'extism-datasource-good', 'extism-datasource', { extismManifest: { memory: { max_pages: 64 } } });
    expect(good.status).toBe('passed');
    expect(good.message).toContain('of 64 pages');
  });
});

describe('limits.fuel (FrankenTerm and Extism)', () => {
  it('fails the FrankenTerm fuel hog past 1e9 instructions', async () => {
    const outcome = await runLimit('limits.fuel', 'limits-frankenterm-fuel-hog', 'frankenterm');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`configure` ran out of the host\'s 1,000,000,000 fuel (real host)');
    expect(evidenceOf(outcome)).toMatchObject({ budget: 1_000_000_000, budgetSource: 'real host', calls: [{ call: 'configure', exhausted: true }] });
  });

  it('fails the Extism fuel hog at plugcheck\'s default budget, refilled per call', async () => {
    const outcome = await runLimit('limits.fuel', 'limits-extism-fuel-hog', 'extism-datasource');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`plugin_configure` ran out');
    const calls = evidenceOf(outcome)['calls'] as { call: string; exhausted: boolean }[];
    expect(calls.filter((c) => c.exhausted).map((c) => c.call)).toEqual(['plugin_configure']);
    expect(evidenceOf(outcome)).toMatchObject({ budget: EXTISM_DEFAULT_LIMITS.fuel, budgetSource: 'plugcheck default' });
  });

  it('counts the same instructions for the same calls on every run', async () => {
    const counts = async () => evidenceOf(await runLimit('limits.fuel', 'extism-datasource-good', 'extism-datasource'))['calls'];
    const first = await counts();
    expect(first).toEqual(await counts());
    expect((first as { instructions: number }[]).every((c) => c.instructions > 0)).toBe(true);
    const ft = async () => evidenceOf(await runLimit('limits.fuel', 'frankenterm-good-config-start', 'frankenterm'))['calls'];
    expect(await ft()).toEqual(await ft());
  });

  it('passes a good general Extism plugin, of which only loading is measured', async () => {
    const outcome = await runLimit('limits.fuel', 'extism-good', 'extism');
    expect(outcome.status).toBe('passed');
    expect(evidenceOf(outcome)['calls']).toEqual([expect.objectContaining({ call: 'instantiate', exhausted: false })]);
  });

  it('counts fuel burnt in a start function, where no instance is left to read it from', async () => {
    const hog = await limitCheck('limits.fuel', 'frankenterm').run(contextFor(startHog(200_000_000), { profile: frankenterm }));
    expect(hog.status).toBe('failed');
    expect(hog.message).toContain('`configure` ran out');
    const modest = await limitCheck('limits.fuel', 'frankenterm').run(contextFor(startHog(1000), { profile: frankenterm }));
    expect(modest.status).toBe('passed');
  });
});
