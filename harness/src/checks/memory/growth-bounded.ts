/**
 * `memory.growth-bounded`: memory grows only as far as the heap needs. A plugin that calls
 * `memory.grow` on every call (a page per call, never used) reaches the memory cap even with a
 * flat heap; a leak is `memory.leak-per-call`'s finding, so growth the heap explains is not counted.
 */
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import { PAGE_BYTES } from '../../memory/growth-analysis.js';
import { growthEvidence, growthRun, growthRunStopped } from './memory-session.js';

/** Memory growth beyond the heap's, per call, that is tolerated (a sixteenth of a page). */
export const SPARE_GROWTH_BYTES_PER_CALL = PAGE_BYTES / 16;

export default defineCheck({
  id: 'memory.growth-bounded',
  title: 'Memory grows no faster than the heap needs',
  specRef: 'design "memory.*" (growth bounded, behaviour at the memory cap); seed-systems §1.7 (one long-lived instance)',
  appliesTo: ['bifrost-v1', 'bifrost-v2'],
  dependsOn: ['lifecycle.hooks-answer'],
  run(ctx) {
    const run = growthRun(ctx);
    if (!run.ok) return growthRunStopped(run);
    const { analysis, samples } = run.reused;
    const first = samples[0];
    const last = samples[samples.length - 1];
    const grown = (last?.pages ?? 0) - (first?.pages ?? 0);
    const allowedPages = ctx.options.thresholds?.maxPagesGrown;
    const evidence = { ...growthEvidence(run), pagesGrown: grown, ...(allowedPages === undefined ? {} : { maxPagesGrown: allowedPages }) };
    // The config's `thresholds.maxPagesGrown` bounds growth over the run, whatever the heap needed.
    if (allowedPages !== undefined && grown > allowedPages) {
      return fail(
        `memory grew by ${grown} page${grown === 1 ? '' : 's'} over ${samples.length} \`${run.target.hook}\` calls (${first?.pages ?? 0} after call 1, ${last?.pages ?? 0} after call ${samples.length}); thresholds.maxPagesGrown allows ${allowedPages}. ` +
          `Fix: allocate less per call, or raise the threshold if the growth is expected.`,
        evidence,
      );
    }
    const unexplained = analysis.memoryBytesPerCall - Math.max(0, analysis.liveBytesPerCall);
    if (unexplained < SPARE_GROWTH_BYTES_PER_CALL) {
      return pass(`${samples.length} \`${run.target.hook}\` calls: memory ${analysis.memoryBytesPerCall} bytes per call, heap ${analysis.liveBytesPerCall}`, evidence);
    }
    return fail(
      `memory grows by about ${Math.round(analysis.memoryBytesPerCall)} bytes (${(analysis.memoryBytesPerCall / PAGE_BYTES).toFixed(2)} pages) per \`${run.target.hook}\` call while the heap grows by ${Math.round(analysis.liveBytesPerCall)}: ` +
        `${first?.pages ?? 0} pages after call 1, ${last?.pages ?? 0} after call ${samples.length}; the cap is reached after about ${analysis.callsUntilOom ?? '∞'} more calls (${analysis.cap.note}). ` +
        'Expected memory to grow only when the allocator needs room. Fix: do not call memory.grow outside the allocator, or reuse the memory grown.',
      evidence,
    );
  },
});
