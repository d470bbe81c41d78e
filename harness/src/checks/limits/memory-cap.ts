/**
 * `limits.memory`: under the memory cap the real host sets (midimon 128 MiB and FrankenTerm 64 MiB
 * in wasmtime's `StoreLimits`, Extism the manifest's `memory.max_pages`), no call's instance
 * reaches the cap. The module's maximum is rewritten to the cap, so a `memory.grow` past it
 * returns -1 in the guest, as under wasmtime's limiter and wazero's page limit; an instance that
 * ends a call at the cap is a plugin that would be refused memory in production. `--memory-cap`
 * replaces the host's figure.
 */
import { mib } from '../../wasm/cap-memory.js';
import { effectiveLimits } from '../../profiles/effective-limits.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import type { CheckDefinition } from '../check-definition.js';
import type { LimitFamily } from './limit-families.js';

/** `limits.memory` for one family. */
export function memoryCapCheck(family: LimitFamily): CheckDefinition {
  return defineCheck({
    id: 'limits.memory',
    title: 'No call reaches the memory cap the real host sets',
    specRef: family.specRef.memory,
    appliesTo: family.appliesTo,
    ...(family.memoryAndFuelDependOn === undefined ? {} : { dependsOn: family.memoryAndFuelDependOn }),
    async run(ctx) {
      const cap = effectiveLimits(ctx.profile, ctx.options).memoryPages;
      if (cap === undefined) return pass(`the ${ctx.profile.id} host sets no memory cap`);
      const capPages = cap.value;
      const runs = await family.runs(ctx, { capPages });
      if (!runs.ok) return fail(`the memory cap of ${capPages} pages (${mib(capPages)}) cannot be applied: ${runs.message}`, { reason: runs.reason, capPages, capSource: cap.source });
      const capped = runs.module.capped;
      if (capped === undefined || capped.maximumPages === null) return pass('the module has no memory of its own, so there is nothing to cap');
      const { calls } = runs;
      // On a reused instance memory never shrinks: the call that took it to the cap is the one to name.
      const reached = (c: (typeof calls)[number], i: number) => c.pages >= capPages && (family.instances === 'fresh per call' || (calls[i - 1]?.pages ?? 0) < capPages);
      const atCap = capped.maximumPages === capPages ? calls.filter(reached) : [];
      const evidence = {
        capPages,
        capBytes: capPages * 65536,
        capSource: cap.source,
        instances: family.instances,
        initialPages: capped.initialPages,
        declaredMaximum: capped.declaredMaximum,
        calls: calls.map((c) => ({ call: c.label, pagesReached: c.pages, outcome: c.outcome })),
      };
      if (atCap.length > 0) {
        return fail(
          `${atCap.map((c) => `\`${c.label}\` reached ${c.pages} pages (${mib(c.pages)}), the host's cap of ${capPages} pages, and ended with ${c.outcome}`).join('; ')}. ` +
            `Expected every call to stay below the cap: the real host refuses memory.grow there (it returns -1). Free what a call allocates or allocate less per call.`,
          { ...evidence, pagesReached: Math.max(...atCap.map((c) => c.pages)) },
        );
      }
      const most = Math.max(0, ...calls.map((c) => c.pages));
      return pass(`at most ${most} of ${capPages} pages (${mib(most)} of ${mib(capPages)}, ${cap.source}) over ${calls.length} calls`, { ...evidence, pagesReached: most });
    },
  });
}
