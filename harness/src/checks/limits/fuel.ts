/**
 * `limits.fuel`: no call runs out of the fuel the real host gives it (midimon: 100 M per Store,
 * seed-systems §3.5). The module is metered (harness/src/wasm/meter-instructions.ts): each call's
 * deterministic instruction count is reported, and a call whose count passes the budget traps in
 * the metered module exactly where wasmtime would stop it with "all fuel consumed".
 */
import { fail, pass } from '../../report/check-result.js';
import { fuelUsed, meterInstructions } from '../../wasm/meter-instructions.js';
import { defineCheck } from '../check-definition.js';
import { callOutcome, midimonLimitRuns } from './midimon-limit-runs.js';

export default defineCheck({
  id: 'limits.fuel',
  title: 'No call runs out of the fuel the real host sets',
  specRef: 'seed 002 §Security ("Max 100M instructions per call"); seed-systems §3.4 (store.set_fuel(100_000_000) on each new Store; exhaustion traps)',
  appliesTo: ['midimon'],
  async run(ctx) {
    const budget = ctx.profile.limits.fuel;
    if (budget === undefined) return pass(`the ${ctx.profile.id} host sets no fuel limit`);
    const metered = await meterInstructions(ctx.bytes, ctx.module.exports.map((e) => e.name), BigInt(budget));
    if (!metered.ok) return fail(`the module could not be metered, so its fuel use is unknown: ${metered.message}`, { budget });
    const runs = midimonLimitRuns(ctx, new WebAssembly.Module(metered.bytes)).map((r) => {
      const fuel = r.instance === undefined ? undefined : fuelUsed(r.instance.instance, metered);
      return { run: r, fuel };
    });
    const calls = runs.map(({ run, fuel }) => ({ call: run.label, instructions: fuel === undefined ? null : Number(fuel.used), exhausted: fuel?.exhausted ?? false, outcome: callOutcome(run) }));
    const evidence = { budget, unit: 'instructions (plugcheck metering; an upper bound of wasmtime fuel)', sites: { functions: metered.functions, loops: metered.loops }, calls };
    const exhausted = runs.filter((r) => r.fuel?.exhausted === true);
    if (exhausted.length > 0) {
      return fail(
        `${exhausted.map((r) => `\`${r.run.label}\``).join(', ')} ran out of the host's ${budget.toLocaleString('en-US')} fuel; the real host stops such a call with "all fuel consumed". ` +
          'Expected every call to finish within the budget: bound the work a call does (loop limits, smaller inputs per call).',
        evidence,
      );
    }
    const most = Math.max(0, ...calls.map((c) => c.instructions ?? 0));
    return pass(`at most ${most.toLocaleString('en-US')} of ${budget.toLocaleString('en-US')} fuel over ${runs.length} calls`, { ...evidence, mostInstructions: most });
  },
});
