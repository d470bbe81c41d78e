/**
 * Every host call a Bifrost plugin makes, per hook: a fresh instance loaded as the real host loads it
 * (`init` with the config, `get_name`), each hook with each of the seed's examples, then `cleanup`,
 * the trace cut at every call. Made once per worker and shared by the capability checks.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { HostCall } from '../../host/host-call-trace.js';
import { BifrostCaller } from '../../profiles/bifrost/bifrost-caller.js';
import { bifrostProfile } from '../../profiles/bifrost/bifrost-session.js';

/** The host calls of one call of the run. */
export interface HookTrace {
  /** `instantiate`, `init`, `get_name`, `pre_hook seed-example`, `cleanup`. */
  readonly hook: string;
  readonly calls: readonly HostCall[];
}

/** The run's traces, in call order; empty when the plugin cannot be instantiated (lifecycle checks report that). */
export function bifrostHookTraces(ctx: CheckContext): readonly HookTrace[] {
  return ctx.shared('capability.bifrost-hook-traces', () => {
    const profile = bifrostProfile(ctx);
    const created = ctx.freshInstance();
    if (!created.ok) return [];
    const instance = created.value;
    const traces: HookTrace[] = [{ hook: 'instantiate', calls: instance.trace.since(0) }];
    const during = (hook: string, call: () => unknown) => {
      const mark = instance.trace.mark();
      call();
      traces.push({ hook, calls: instance.trace.since(mark) });
    };
    const caller = new BifrostCaller(instance, ctx.dialect);
    const exported = new Set(ctx.module.exports.map((e) => e.name));
    if (exported.has('init')) during('init', () => caller.init(JSON.stringify(profile.initConfig)));
    if (exported.has('get_name')) during('get_name', () => caller.name());
    for (const hook of profile.hooks) {
      const name = [hook.name, ...(hook.aliases ?? [])].find((n) => exported.has(n));
      if (name === undefined) continue;
      for (const fixture of hook.fixtures) {
        during(`${name} ${fixture.id}`, () => caller.callHook(name, fixture.inputs.map((v) => JSON.stringify(v)), `${name} ${fixture.id} (capabilities)`));
      }
    }
    if (exported.has('cleanup')) during('cleanup', () => caller.cleanup());
    return traces;
  });
}
