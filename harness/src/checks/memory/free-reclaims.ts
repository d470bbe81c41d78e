/**
 * `alloc.free-reclaims`: memory the host frees comes back. `malloc` then `free`, round after
 * round, must not walk forward through memory: a `free` that does nothing makes the allocator a
 * bump arena, and every block the host ever asked for stays taken until the instance runs out of
 * memory (seed 001's own AssemblyScript example: "Simple allocator - no-op for free").
 *
 * The calls-until-OOM figure comes from the growth run (bytes per hook call, measured) when the
 * hooks answer; when they do not (seed 001's example corrupts its own static data and traps), it is
 * bounded from the probe: every hook call leaves at least the host's input block behind.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { AllocatorProbe } from '../../memory/allocator-probe.js';
import { PROBE_ROUNDS, PROBE_SIZE } from '../../memory/allocator-probe.js';
import { callsLeft, memoryCapOf, PAGE_BYTES } from '../../memory/growth-analysis.js';
import { growthTarget } from '../../memory/growth-run.js';
import { bifrostProfile } from '../../profiles/bifrost/bifrost-session.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import { allocatorProbe, allocatorProbeFailed, growthEvidence, growthRun } from './memory-session.js';

/** What the arena costs: a sentence for the message and the figures for the evidence. */
interface ArenaOutlook {
  readonly sentence: string;
  readonly evidence: Record<string, unknown>;
}

function arenaOutlook(ctx: CheckContext, probe: Extract<AllocatorProbe, { ok: true }>): ArenaOutlook {
  const run = growthRun(ctx);
  if (run.ok) {
    const { analysis } = run.reused;
    const sentence = analysis.callsUntilOom === null ? '' : ` At ${analysis.liveBytesPerCall} bytes per \`${run.target.hook}\` call it runs out of memory after about ${analysis.callsUntilOom} more calls (${analysis.cap.note}).`;
    return { sentence, evidence: growthEvidence(run) };
  }
  const profile = bifrostProfile(ctx);
  const target = growthTarget(ctx, profile);
  const last = probe.blocks[probe.blocks.length - 1];
  if (target === undefined || last === undefined) return { sentence: '', evidence: { growthRun: run.reason } };
  // The host's input block of every call stays taken; the plugin's own output blocks come on top, so these are upper bounds.
  const inputBytes = target.inputs.reduce((n, text) => n + Buffer.byteLength(text, 'utf8'), 0);
  const arenaTop = last.ptr + last.len;
  const cap = memoryCapOf(profile);
  const callsUntilOom = callsLeft(cap.pages * PAGE_BYTES, arenaTop, inputBytes);
  const callsUntilEndOfMemory = callsLeft(probe.memoryBytes, arenaTop, inputBytes);
  return {
    sentence:
      ` The hook calls stopped (${run.reason} at growth call ${run.call}), so the cost is bounded from the probe: each \`${target.hook}\` call leaves at least its ${inputBytes}-byte input block behind, ` +
      `so the arena (now at ${arenaTop}) passes the end of the current ${probe.memoryBytes / PAGE_BYTES} pages after at most ${callsUntilEndOfMemory ?? '∞'} calls and reaches the cap after at most ${callsUntilOom ?? '∞'} (${cap.note}).`,
    evidence: { growthRun: run.reason, hook: target.hook, fixture: target.fixture, bytesPerCallAtLeast: inputBytes, arenaTop, callsUntilEndOfMemory, callsUntilOom, capPages: cap.pages, cap: cap.note },
  };
}

export default defineCheck({
  id: 'alloc.free-reclaims',
  title: '`free` gives memory back: malloc after free reuses it',
  specRef: 'spec-decisions "bifrost" (the host frees input and output blocks with the plugin\'s free; a plugin that never frees shows up as memory growth); seed 001 §AssemblyScript example (free is a no-op)',
  appliesTo: ['bifrost-v1', 'bifrost-v2'],
  dependsOn: ['lifecycle.instantiate'],
  run(ctx) {
    const probe = allocatorProbe(ctx);
    if (!probe.ok) return allocatorProbeFailed(probe);
    const evidence = { size: PROBE_SIZE, rounds: PROBE_ROUNDS, freeArgs: probe.freeArgs, distinctBlocks: probe.distinct, bytesPerRound: probe.bytesPerRound, blocks: probe.blocks };
    // Reuse means the allocator stands still; half a block per round forward is walking.
    if (probe.bytesPerRound < PROBE_SIZE / 2) return pass(`${PROBE_ROUNDS} rounds of malloc(${PROBE_SIZE})/free used ${probe.distinct} distinct block(s)`, evidence);
    const outlook = arenaOutlook(ctx, probe);
    return fail(
      `the allocator is a bump arena that never frees: ${PROBE_ROUNDS} rounds of malloc(${PROBE_SIZE}) then free gave ${probe.distinct} different blocks, ${probe.bytesPerRound} bytes further on each round.${outlook.sentence} ` +
        'Expected free to make the block available again. Fix: use a real allocator (AssemblyScript heap.alloc/heap.free with --runtime incremental or minimal, C/Rust malloc/free) instead of a bump pointer with a no-op free.',
      { ...evidence, ...outlook.evidence },
    );
  },
});
