/**
 * The calls the limits checks make on a FrankenTerm plugin, on the plugin or a rewrite of it:
 * every entry point the host calls (the manifest's handlers, or `configure` / `_start`), each in a
 * fresh instance as the real host gives every call a new Store with its limits and fuel
 * (seed-systems §4.3: StoreLimits memory_size 64 MiB, set_fuel 1e9 per call).
 */
import type { CheckContext } from '../../engine/check-context.js';
import { describeOutcome, runLabel } from '../../profiles/frankenterm/describe-run.js';
import { runEntryPoint } from '../../profiles/frankenterm/entry-point-runs.js';
import { planEntryPoints } from '../../profiles/frankenterm/entry-points.js';
import { PAGE_BYTES } from '../../wasm/cap-memory.js';
import { msSince, readFuel } from './limit-call.js';
import type { LimitCall } from './limit-call.js';

/** Calls every entry point on fresh instances of `module`; `fuelGlobal` names a metered module's fuel export. */
export function frankentermLimitRuns(ctx: CheckContext, module: WebAssembly.Module, fuelGlobal?: string): LimitCall[] {
  const plan = planEntryPoints(ctx.module, ctx.manifest);
  const entries =
    plan.kind === 'extension'
      ? plan.handlers.filter((h) => h.unusable === undefined).map((h) => ({ entry: h.name, events: h.events }))
      : plan.via === 'none'
        ? []
        : [{ entry: plan.via, events: [] as readonly string[] }];
  return entries.map(({ entry, events }) => {
    const started = performance.now();
    const run = runEntryPoint(ctx, plan, entry, events, module);
    const durationMs = msSince(started);
    const { outcome, instance } = run;
    return {
      label: runLabel(run).replaceAll('`', ''),
      phase: 'call',
      durationMs,
      pages: (instance?.memory?.byteLength ?? 0) / PAGE_BYTES,
      fuelLeft: fuelGlobal === undefined ? undefined : readFuel(instance?.instance.exports[fuelGlobal]),
      outcome: describeOutcome(run),
      trapped: outcome.kind === 'trapped' || outcome.kind === 'not-instantiated',
    };
  });
}
