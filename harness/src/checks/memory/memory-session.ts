/**
 * What the memory checks of one worker share, computed once: the growth run over a hook (both
 * lifecycles, ledger attached) and the allocator probe. Each works on instances of its own, so the
 * lifecycle checks' shared session is never disturbed.
 */
import type { CheckContext } from '../../engine/check-context.js';
import { probeAllocator } from '../../memory/allocator-probe.js';
import type { AllocatorProbe } from '../../memory/allocator-probe.js';
import { runGrowth } from '../../memory/growth-run.js';
import type { FreshSample, GrowthRun } from '../../memory/growth-run.js';
import { bifrostProfile } from '../../profiles/bifrost/bifrost-session.js';
import { fail } from '../../report/check-result.js';
import type { CheckOutcome, Evidence } from '../../report/check-result.js';

/** The worker's growth run, started on first use. */
export function growthRun(ctx: CheckContext): GrowthRun {
  return ctx.shared('memory-growth-run', () => runGrowth(ctx, bifrostProfile(ctx), { calls: ctx.options.growthCalls }));
}

/** The failure of every check that needs the growth run when the run stopped before its last call. */
export function growthRunStopped(run: Extract<GrowthRun, { ok: false }>): CheckOutcome {
  return fail(`the growth run stopped at call ${run.call}: ${run.reason}. Expected every call to answer.`, { call: run.call, reason: run.reason, trap: run.trap ?? null });
}

/** The failure of every check that needs the allocator probe when the probe could not run. */
export function allocatorProbeFailed(probe: Extract<AllocatorProbe, { ok: false }>): CheckOutcome {
  return fail(`the allocator could not be probed: ${probe.reason}. Expected malloc and free to work on a fresh instance.`, { reason: probe.reason, trap: probe.trap ?? null });
}

/** The worker's allocator probe, started on first use. */
export function allocatorProbe(ctx: CheckContext): AllocatorProbe {
  return ctx.shared('memory-allocator-probe', () => probeAllocator(ctx));
}

/**
 * The evidence of `memory.*` (and of a failed `alloc.free-reclaims`): the data the HTML report plots
 * (report/html/memory-curves.ts), kept stable. Shape:
 *
 * - `reused`: one sample per call of the long-lived instance, `{ call, pages, liveBytes }` in call
 *   order from call 1 — `pages` the instance's memory size in 64 KiB pages after the call,
 *   `liveBytes` the heap extent the host sees (lowest to highest byte of any block it was handed).
 * - `fresh`: the same `{ call, pages, liveBytes }` after one call in each of a few fresh instances.
 * - the figures beside them: `hook`, `fixture`, `realHostLifecycle` (`reused` | `fresh`),
 *   `collectedBeforeEachSample`, `warmUpCalls`, `steadyCalls`, `liveBytesPerCall` and
 *   `memoryBytesPerCall` (Theil–Sen over the steady state), `callsUntilOom` (null: nothing grows),
 *   `capPages` and `cap` (where the cap comes from).
 *
 * A type alias, not an interface, so it is an {@link Evidence} as it stands.
 */
export type GrowthEvidence = {
  readonly hook: string;
  readonly fixture: string;
  readonly realHostLifecycle: 'reused' | 'fresh';
  readonly collectedBeforeEachSample: boolean;
  readonly warmUpCalls: number;
  readonly steadyCalls: number;
  readonly liveBytesPerCall: number;
  readonly memoryBytesPerCall: number;
  readonly callsUntilOom: number | null;
  readonly capPages: number;
  readonly cap: string;
  readonly reused: readonly { readonly call: number; readonly pages: number; readonly liveBytes: number }[];
  readonly fresh: readonly FreshSample[];
};

/** The growth evidence the report plots: pages and live bytes against call number, and the figures ({@link GrowthEvidence}). */
export function growthEvidence(run: Extract<GrowthRun, { ok: true }>): GrowthEvidence {
  const { analysis, samples } = run.reused;
  return {
    hook: run.target.hook,
    fixture: run.target.fixture,
    realHostLifecycle: run.realHostLifecycle,
    collectedBeforeEachSample: run.collected,
    warmUpCalls: analysis.warmUpCalls,
    steadyCalls: analysis.steadyCalls,
    liveBytesPerCall: analysis.liveBytesPerCall,
    memoryBytesPerCall: analysis.memoryBytesPerCall,
    callsUntilOom: analysis.callsUntilOom,
    capPages: analysis.cap.pages,
    cap: analysis.cap.note,
    reused: samples.map(({ call, pages, liveBytes }) => ({ call, pages, liveBytes })),
    fresh: run.fresh,
  };
}
