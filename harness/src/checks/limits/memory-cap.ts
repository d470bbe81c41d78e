/**
 * `limits.memory`: under the memory cap the real host sets (midimon: 128 MiB in wasmtime's
 * `StoreLimits`), no call's instance reaches the cap. The module's maximum is rewritten to the cap,
 * so a `memory.grow` past it returns -1 in the guest, as under wasmtime's limiter; an instance that
 * ends a call at the cap is a plugin that would be refused memory in production.
 */
import { capMemory, mib } from '../../wasm/cap-memory.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import { callOutcome, midimonLimitRuns } from './midimon-limit-runs.js';

export default defineCheck({
  id: 'limits.memory',
  title: 'No call reaches the memory cap the real host sets',
  specRef: 'seed 002 §Security ("Max 128 MB memory"); seed-systems §3.4 (ResourceLimiter: memory.grow past the limit gives -1, initial memory over it fails instantiation), §3.5 (a new Store per call)',
  appliesTo: ['midimon'],
  run(ctx) {
    const capPages = ctx.profile.limits.memoryPages;
    if (capPages === undefined) return pass(`the ${ctx.profile.id} host sets no memory cap`);
    const capped = capMemory(ctx.bytes, ctx.module, capPages);
    if (!capped.ok) return fail(`the memory cap of ${capPages} pages (${mib(capPages)}) cannot be applied: ${capped.message}`, { reason: capped.reason, capPages });
    if (capped.maximumPages === null) return pass('the module has no memory of its own, so there is nothing to cap');
    const runs = midimonLimitRuns(ctx, new WebAssembly.Module(capped.bytes));
    const atCap = capped.maximumPages === capPages ? runs.filter((r) => r.pages >= capPages) : [];
    const calls = runs.map((r) => ({ call: r.label, pagesReached: r.pages, outcome: callOutcome(r) }));
    const evidence = { capPages, capBytes: capPages * 65536, initialPages: capped.initialPages, declaredMaximum: capped.declaredMaximum, calls };
    if (atCap.length > 0) {
      return fail(
        `${atCap.map((r) => `\`${r.label}\` reached ${r.pages} pages (${mib(r.pages)}), the host's cap of ${capPages} pages, and ended with ${callOutcome(r)}`).join('; ')}. ` +
          `Expected every call to stay below the cap: the real host refuses memory.grow there (it returns -1). Free what a call allocates or allocate less per call.`,
        { ...evidence, pagesReached: Math.max(...atCap.map((r) => r.pages)) },
      );
    }
    const most = Math.max(0, ...runs.map((r) => r.pages));
    return pass(`at most ${most} of ${capPages} pages (${mib(most)} of ${mib(capPages)}) over ${runs.length} calls`, { ...evidence, pagesReached: most });
  },
});
