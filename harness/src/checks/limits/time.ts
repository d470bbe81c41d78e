/**
 * `limits.time`: every call the host makes returns within the real host's time limit (midimon 5 s,
 * FrankenTerm 10 s, Extism the manifest's `timeout_ms`, plugcheck's 5 s when it is silent). The
 * calls are made on the plugin as it is (not metered), each timed; the slowest is reported against
 * the limit. A call slower than the limit fails the check with its time; one that does not return
 * at all is cut off by the watchdog at the run's per-call limit (`--timeout`) and the check is
 * `timed-out`. The judged limit is `timeLimitMs` when the run sets it, so a host with a shorter
 * limit can be emulated while the watchdog lets slow calls finish and be measured.
 */
import { effectiveLimits } from '../../profiles/effective-limits.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import type { CheckDefinition } from '../check-definition.js';
import type { LimitFamily } from './limit-families.js';

/** `limits.time` for one family. */
export function timeCheck(family: LimitFamily): CheckDefinition {
  return defineCheck({
    id: 'limits.time',
    title: 'Every call returns within the time limit the real host sets',
    specRef: family.specRef.time,
    appliesTo: family.appliesTo,
    ...(family.timeDependsOn === undefined ? {} : { dependsOn: family.timeDependsOn }),
    async run(ctx) {
      const limit = effectiveLimits(ctx.profile, ctx.options).callTimeMs;
      const runs = await family.runs(ctx, {});
      if (!runs.ok) return fail(`the module could not be prepared for timing: ${runs.message}`, { limitMs: limit.value });
      const timed = runs.calls.filter((c) => c.phase === 'call');
      const loading = runs.calls.filter((c) => c.phase === 'instantiate');
      const evidence = {
        limitMs: limit.value,
        limitSource: limit.source,
        watchdogMs: ctx.options.callTimeoutMs ?? ctx.profile.limits.callTimeoutMs,
        instances: family.instances,
        calls: timed.map((c) => ({ call: c.label, durationMs: c.durationMs, outcome: c.outcome })),
        ...(loading.length > 0 ? { instantiation: loading.map((c) => ({ durationMs: c.durationMs, outcome: c.outcome })) } : {}),
      };
      const slowest = timed.reduce<(typeof timed)[number] | undefined>((a, c) => (a === undefined || c.durationMs > a.durationMs ? c : a), undefined);
      if (slowest === undefined) {
        const loaded = loading[0];
        return pass(`no call is made without inputs; loading took ${loaded?.durationMs ?? 0} ms`, evidence);
      }
      const over = timed.filter((c) => c.durationMs > limit.value);
      if (over.length > 0) {
        return fail(
          `${over.map((c) => `\`${c.label}\` took ${c.durationMs} ms`).join(', ')}, over the ${limit.value} ms the host allows a call (${limit.source}); the real host cancels such a call. ` +
            'Expected every call to return within the limit: bound the work a call does, or move long work out of the call.',
          { ...evidence, slowest: { call: slowest.label, durationMs: slowest.durationMs } },
        );
      }
      return pass(`slowest call \`${slowest.label}\` took ${slowest.durationMs} ms of the ${limit.value} ms limit (${limit.source}) over ${timed.length} calls`, {
        ...evidence,
        slowest: { call: slowest.label, durationMs: slowest.durationMs },
      });
    },
  });
}
