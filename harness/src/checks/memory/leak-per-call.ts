/**
 * `memory.leak-per-call`: a hook called again and again on the long-lived instance the real
 * Bifrost host keeps does not leave memory behind. The heap's extent (what the allocator has in
 * use, as the host sees it through the blocks it is handed) is sampled after every call, warm-up
 * set apart, and a robust slope gives the bytes each call leaks and the calls until out-of-memory.
 */
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import { growthEvidence, growthRun, growthRunStopped } from './memory-session.js';

/** Below this many bytes per call a trend is rounding, not a leak (one minimal allocator block). */
export const LEAK_BYTES_PER_CALL = 16;

export default defineCheck({
  id: 'memory.leak-per-call',
  title: 'Repeated hook calls on one instance do not leak',
  specRef: 'spec-decisions "bifrost" (the host frees both blocks; a plugin that never frees shows up as memory growth); seed-systems §1.7 (one long-lived instance)',
  appliesTo: ['bifrost-v1', 'bifrost-v2'],
  dependsOn: ['lifecycle.hooks-answer', 'alloc.free-reclaims'],
  run(ctx) {
    const run = growthRun(ctx);
    if (!run.ok) return growthRunStopped(run);
    const { analysis, samples } = run.reused;
    // The config's `thresholds.maxLeakBytesPerCall` replaces plugcheck's own limit (under one allocator block).
    const allowed = ctx.options.thresholds?.maxLeakBytesPerCall;
    const evidence = { ...growthEvidence(run), limit: allowed === undefined ? `under ${LEAK_BYTES_PER_CALL} bytes per call (plugcheck)` : `at most ${allowed} bytes per call (thresholds.maxLeakBytesPerCall)` };
    if (allowed === undefined ? analysis.liveBytesPerCall < LEAK_BYTES_PER_CALL : analysis.liveBytesPerCall <= allowed) {
      return pass(`${samples.length} \`${run.target.hook}\` calls: ${analysis.liveBytesPerCall} heap bytes per call after ${analysis.warmUpCalls} warm-up calls`, evidence);
    }
    return fail(
      `each \`${run.target.hook}\` call leaves about ${Math.round(analysis.liveBytesPerCall)} bytes behind on the long-lived instance the real host keeps ${allowed === undefined ? '' : `(thresholds.maxLeakBytesPerCall allows ${allowed}) `}` +
        `(robust slope over calls ${analysis.warmUpCalls + 1}–${samples.length}); at that rate it runs out of memory after about ${analysis.callsUntilOom ?? '∞'} more calls (${analysis.cap.note}). ` +
        'Expected the heap to stay flat once warm. Fix: free every block a hook allocates for itself before it returns (the host frees only the input and the output).',
      evidence,
    );
  },
});
