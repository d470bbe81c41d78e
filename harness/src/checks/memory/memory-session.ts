/**
 * What the memory checks of one worker share, computed once: the growth run over a hook (both
 * lifecycles, ledger attached) and the allocator probe. Each works on instances of its own, so the
 * lifecycle checks' shared session is never disturbed.
 */
import type { CheckContext } from '../../engine/check-context.js';
import { probeAllocator } from '../../memory/allocator-probe.js';
import type { AllocatorProbe } from '../../memory/allocator-probe.js';
import { runGrowth } from '../../memory/growth-run.js';
import type { GrowthRun } from '../../memory/growth-run.js';
import { bifrostProfile } from '../../profiles/bifrost/bifrost-session.js';

/** The worker's growth run, started on first use. */
export function growthRun(ctx: CheckContext): GrowthRun {
  return ctx.shared('memory-growth-run', () => runGrowth(ctx, bifrostProfile(ctx)));
}

/** The worker's allocator probe, started on first use. */
export function allocatorProbe(ctx: CheckContext): AllocatorProbe {
  return ctx.shared('memory-allocator-probe', () => probeAllocator(ctx));
}

/** The growth evidence the report plots: pages and live bytes against call number, and the figures. */
export function growthEvidence(run: Extract<GrowthRun, { ok: true }>): Record<string, unknown> {
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
