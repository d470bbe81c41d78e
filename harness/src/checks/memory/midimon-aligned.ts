/**
 * `alloc.aligned` for midimon: the blocks `alloc(len)` returns for the host's request sizes are
 * aligned to 8 bytes. The same rule as the Bifrost check, judged by the same ledger, over the
 * probes the midimon `alloc.*` checks share (each in a fresh instance, as the host calls `alloc`).
 *
 * It also carries, as evidence, what the host's never-freeing costs (memory/never-freed-cost.ts):
 * `alloc` bytes per `execute`, pages after one call against the cap, and the calls a reused
 * instance would survive. That is not a rule (the real host never reuses an instance), so it never
 * fails the check; it sits on the midimon allocator check because it is about the same `alloc`.
 */
import type { CheckContext } from '../../engine/check-context.js';
import { BLOCK_ALIGNMENT, BlockLedger } from '../../memory/block-ledger.js';
import type { LedgerFinding } from '../../memory/block-ledger.js';
import { measureNeverFreedCost } from '../../memory/never-freed-cost.js';
import type { NeverFreedCost } from '../../memory/never-freed-cost.js';
import { actionsToCall, allocProbes, metadataLoad, midimonProfile } from '../../profiles/midimon/midimon-session.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

/** The never-freed cost for the first action the host would call, once per worker. */
function neverFreedCost(ctx: CheckContext): NeverFreedCost {
  return ctx.shared('memory-midimon-never-freed', (): NeverFreedCost => {
    const { verdict } = metadataLoad(ctx);
    if (verdict === undefined || !verdict.ok) return { ok: false, reason: 'the host would not load the plugin: `init` gave no metadata it accepts' };
    const profile = midimonProfile(ctx);
    const action = actionsToCall(verdict.metadata, profile)[0] ?? profile.defaultAction;
    return measureNeverFreedCost(ctx, profile, action, verdict.metadata.capabilities, ctx.options.growthCalls);
  });
}

/** One sentence on the cost, for the check's message. */
function describeCost(cost: NeverFreedCost): string {
  if (!cost.ok) return `(the cost of never freeing was not measured: ${cost.reason})`;
  const { analysis, calls, stoppedAt } = cost.reused;
  const survive = analysis.callsUntilOom === null ? 'would not grow' : `would survive about ${analysis.callsUntilOom} more calls`;
  const stopped = stoppedAt === undefined ? '' : `; the reused run stopped at call ${stoppedAt.call}: ${stoppedAt.reason}`;
  return (
    `The host never frees: each \`execute\` takes ${cost.allocBytesPerCall} bytes from \`alloc\` and a fresh instance ends the call at ${cost.pagesAfterOneCall} of the cap's ${cost.capPages} pages; ` +
    `an instance reused for ${calls} calls (never the real host) grew ${Math.round(analysis.liveBytesPerCall)} heap bytes per call and ${survive}${stopped}`
  );
}

export default defineCheck({
  id: 'alloc.aligned',
  title: '`alloc` returns aligned blocks',
  specRef: 'seed 002 §Memory Management: alloc (Vec::with_capacity, aligned for u8 and above by Rust\'s allocator); C11 §7.22.3 (8 bytes on wasm32)',
  appliesTo: ['midimon'],
  run(ctx) {
    const findings: LedgerFinding[] = [];
    const blocks = allocProbes(ctx).filter((p) => p.kind === 'block' && p.ptr !== 0);
    // Registered ahead of the midimon checks, so it cannot depend on lifecycle.instantiate: with no block, judge nothing rather than pass.
    if (blocks.length === 0) return skip('`alloc` returned no block to judge (lifecycle.instantiate, alloc.non-null and alloc.in-bounds say why)');
    for (const block of blocks) {
      if (block.kind !== 'block') continue;
      // One ledger per probe: each ran in a fresh instance of its own, so their blocks never coexist.
      const ledger = new BlockLedger();
      ledger.allocated(block.ptr, block.requested, block.memoryBytes, `alloc(${block.requested}) in a fresh instance`);
      findings.push(...ledger.findings.filter((f) => f.kind === 'unaligned'));
    }
    const cost = neverFreedCost(ctx);
    if (findings.length === 0) return pass(`${blocks.length} \`alloc\` blocks aligned to ${BLOCK_ALIGNMENT}. ${describeCost(cost)}`, { neverFreed: cost });
    return fail(
      `${findings.map((f) => (f.kind === 'unaligned' ? `\`${f.label}\` returned ptr=${f.ptr}, not a multiple of ${f.alignment}` : f.kind)).join('; ')}. ` +
        `Expected every block at a multiple of ${BLOCK_ALIGNMENT}: structures the plugin builds in such a block are misaligned. Fix: round the allocator's pointer up to ${BLOCK_ALIGNMENT} before handing it out.`,
      { offending: findings, neverFreed: cost },
    );
  },
});
