/**
 * `limits.fuel`: no call runs out of the fuel the real host gives it (midimon 100 M and
 * FrankenTerm 1e9 per Store, a new Store per call; Extism meters only when asked, so plugcheck's
 * default applies, per call). The module is metered (harness/src/wasm/meter-instructions.ts): each
 * call's deterministic instruction count is reported, and a call whose count passes the budget
 * traps in the metered module exactly where wasmtime would stop it with "all fuel consumed".
 */
import { effectiveLimits } from '../../profiles/effective-limits.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import type { CheckDefinition } from '../check-definition.js';
import { fuelBurnt } from './limit-call.js';
import type { LimitFamily } from './limit-families.js';

/** `limits.fuel` for one family. */
export function fuelCheck(family: LimitFamily): CheckDefinition {
  return defineCheck({
    id: 'limits.fuel',
    title: 'No call runs out of the fuel the real host sets',
    specRef: family.specRef.fuel,
    appliesTo: family.appliesTo,
    ...(family.memoryAndFuelDependOn === undefined ? {} : { dependsOn: family.memoryAndFuelDependOn }),
    async run(ctx) {
      const limit = effectiveLimits(ctx.profile, ctx.options).fuel;
      if (limit === undefined) return pass(`the ${ctx.profile.id} host sets no fuel limit`);
      const budget = limit.value;
      const runs = await family.runs(ctx, { fuel: BigInt(budget) });
      if (!runs.ok || runs.module.metered === undefined) {
        return fail(`the module could not be metered, so its fuel use is unknown: ${runs.ok ? 'no metering' : runs.message}`, { budget });
      }
      const metered = runs.module.metered;
      const counted = runs.calls.map((c) => ({ call: c, fuel: fuelBurnt(c, metered.fuel) }));
      // Fuel that runs out in a start function or `_initialize` leaves no instance to read it from:
      // the metered module then traps (unreachable) where the plugin itself does not, and the
      // rewrite adds nothing else that can trap, so such a call ran out.
      const unread = counted.filter((c) => c.fuel === undefined && c.call.trapped);
      if (unread.length > 0) {
        const plain = await family.runs(ctx, {});
        for (const c of unread) {
          const same = plain.ok ? plain.calls[runs.calls.indexOf(c.call)] : undefined;
          if (same !== undefined && !same.trapped && c.call.outcome.includes('unreachable')) c.fuel = { used: metered.fuel, exhausted: true };
        }
      }
      const calls = counted.map(({ call, fuel }) => ({
        call: call.label,
        instructions: fuel === undefined ? null : Number(fuel.used),
        exhausted: fuel?.exhausted ?? false,
        outcome: call.outcome,
      }));
      const evidence = {
        budget,
        budgetSource: limit.source,
        instances: family.instances,
        unit: 'instructions (plugcheck metering; an upper bound of wasmtime fuel)',
        sites: { functions: metered.functions, loops: metered.loops },
        calls,
      };
      const exhausted = counted.filter((c) => c.fuel?.exhausted === true);
      if (exhausted.length > 0) {
        return fail(
          `${exhausted.map((c) => `\`${c.call.label}\``).join(', ')} ran out of the host's ${budget.toLocaleString('en-US')} fuel (${limit.source}); the real host stops such a call with "all fuel consumed". ` +
            'Expected every call to finish within the budget: bound the work a call does (loop limits, smaller inputs per call).',
          evidence,
        );
      }
      const most = Math.max(0, ...calls.map((c) => c.instructions ?? 0));
      return pass(`at most ${most.toLocaleString('en-US')} of ${budget.toLocaleString('en-US')} fuel (${limit.source}) over ${runs.calls.length} calls`, { ...evidence, mostInstructions: most });
    },
  });
}
