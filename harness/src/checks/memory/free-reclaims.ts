/**
 * `alloc.free-reclaims`: memory the host frees comes back. `malloc` then `free`, round after
 * round, must not walk forward through memory: a `free` that does nothing makes the allocator a
 * bump arena, and every block the host ever asked for stays taken until the instance runs out of
 * memory (seed 001's own AssemblyScript example: "Simple allocator - no-op for free").
 */
import { PROBE_ROUNDS, PROBE_SIZE } from '../../memory/allocator-probe.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import { allocatorProbe, growthEvidence, growthRun } from './memory-session.js';

export default defineCheck({
  id: 'alloc.free-reclaims',
  title: '`free` gives memory back: malloc after free reuses it',
  specRef: 'spec-decisions "bifrost" (the host frees input and output blocks with the plugin\'s free; a plugin that never frees shows up as memory growth); seed 001 §AssemblyScript example (free is a no-op)',
  appliesTo: ['bifrost-v1', 'bifrost-v2'],
  dependsOn: ['lifecycle.instantiate'],
  run(ctx) {
    const probe = allocatorProbe(ctx);
    if (!probe.ok) return fail(`the allocator could not be probed: ${probe.reason}. Expected malloc and free to work on a fresh instance.`, { reason: probe.reason, trap: probe.trap ?? null });
    const evidence = { size: PROBE_SIZE, rounds: PROBE_ROUNDS, freeArgs: probe.freeArgs, distinctBlocks: probe.distinct, bytesPerRound: probe.bytesPerRound, blocks: probe.blocks };
    // Reuse means the allocator stands still; half a block per round forward is walking.
    if (probe.bytesPerRound < PROBE_SIZE / 2) return pass(`${PROBE_ROUNDS} rounds of malloc(${PROBE_SIZE})/free used ${probe.distinct} distinct block(s)`, evidence);
    const run = growthRun(ctx);
    const growth = run.ok ? growthEvidence(run) : { growthRun: run.reason };
    const oom = run.ok && run.reused.analysis.callsUntilOom !== null ? ` At ${run.reused.analysis.liveBytesPerCall} bytes per \`${run.target.hook}\` call it runs out of memory after about ${run.reused.analysis.callsUntilOom} more calls (${run.reused.analysis.cap.note}).` : '';
    return fail(
      `the allocator is a bump arena that never frees: ${PROBE_ROUNDS} rounds of malloc(${PROBE_SIZE}) then free gave ${probe.distinct} different blocks, ${probe.bytesPerRound} bytes further on each round.${oom} ` +
        'Expected free to make the block available again. Fix: use a real allocator (AssemblyScript heap.alloc/heap.free with --runtime incremental or minimal, C/Rust malloc/free) instead of a bump pointer with a no-op free.',
      { ...evidence, ...growth },
    );
  },
});
