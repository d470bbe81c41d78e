/**
 * Instruction metering: counts are deterministic, loops are charged per iteration, and a call past
 * the budget traps with the fuel global negative.
 */
import { describe, expect, it } from 'vitest';
import { fuelUsed, meterInstructions, refuel } from '../../src/wasm/meter-instructions.js';
import { wat } from '../support/wat.js';

const SPIN = `(module
  (func (export "spin") (param $n i32) (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n)))))
  (func (export "early") (param $x i32) (result i32)
    (if (local.get $x) (then (return (i32.const 1))))
    (i32.const 0)))`;

async function meteredSpin(fuel?: bigint) {
  const metered = await meterInstructions(wat(SPIN), ['spin', 'early'], fuel);
  if (!metered.ok) throw new Error(metered.message);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(metered.bytes));
  return { metered, instance, spin: instance.exports['spin'] as (n: number) => void };
}

describe('meterInstructions', () => {
  it('charges each loop iteration and gives the same count every time', async () => {
    const { metered, instance, spin } = await meteredSpin();
    const count = (n: number) => {
      refuel(instance, metered);
      spin(n);
      return fuelUsed(instance, metered).used;
    };
    const once = count(1);
    const thousand = count(1000);
    expect(count(1000)).toBe(thousand);
    // 999 more iterations, each charged the loop body's weight
    expect((thousand - once) % 999n).toBe(0n);
    expect(thousand - once).toBeGreaterThan(999n * 4n);
    expect(metered).toMatchObject({ functions: 2, loops: 1 });
  });

  it('reads through `return` (which binaryen.js cannot describe) and keeps the answer', async () => {
    const { instance } = await meteredSpin();
    expect((instance.exports['early'] as (x: number) => number)(1)).toBe(1);
  });

  it('traps once the budget is spent, with the fuel global negative', async () => {
    const { metered, instance, spin } = await meteredSpin(1000n);
    expect(() => spin(1_000_000)).toThrow(/unreachable/);
    expect(fuelUsed(instance, metered)).toEqual({ used: 1000n, exhausted: true });
  });
});
