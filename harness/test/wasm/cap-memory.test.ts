/**
 * The memory cap: the maximum is rewritten so memory.grow past the cap returns -1, and modules
 * whose memory cannot be capped are refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import { capMemory } from '../../src/wasm/cap-memory.js';
import { inspectModule } from '../../src/wasm/index.js';
import { wat } from '../support/wat.js';

const GROWER = `(func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))`;

async function capped(source: string, cap: number) {
  const bytes = wat(source);
  return capMemory(bytes, inspectModule(bytes), cap);
}

describe('capMemory', () => {
  it('caps a memory without a maximum, so growing past the cap returns -1', async () => {
    const result = await capped(`(module (memory (export "memory") 1) ${GROWER})`, 4);
    if (!result.ok || result.maximumPages === null) throw new Error('expected a capped module');
    expect(result).toMatchObject({ initialPages: 1, declaredMaximum: null, maximumPages: 4 });
    const grow = new WebAssembly.Instance(new WebAssembly.Module(result.bytes)).exports['grow'] as (n: number) => number;
    expect(grow(3)).toBe(1);
    expect(grow(1)).toBe(-1);
  });

  it('keeps a smaller maximum the module declares', async () => {
    expect(await capped(`(module (memory 1 2))`, 4)).toMatchObject({ ok: true, declaredMaximum: 2, maximumPages: 2 });
  });

  it('refuses an initial memory above the cap and an imported memory', async () => {
    expect(await capped(`(module (memory 8))`, 4)).toMatchObject({ ok: false, reason: 'initial-above-cap' });
    expect(await capped(`(module (import "env" "memory" (memory 1)))`, 4)).toMatchObject({ ok: false, reason: 'imported-memory' });
  });

  it('leaves a module without memory as it is', async () => {
    expect(await capped(`(module (func))`, 4)).toMatchObject({ ok: true, maximumPages: null });
  });
});
