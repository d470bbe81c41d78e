/**
 * `alloc.aligned` for midimon: the blocks `alloc(len)` returns for the host's request sizes are
 * aligned to 8 bytes. The same rule as the Bifrost check, judged by the same ledger, over the
 * probes the midimon `alloc.*` checks share (each in a fresh instance, as the host calls `alloc`).
 */
import { BLOCK_ALIGNMENT, BlockLedger } from '../../memory/block-ledger.js';
import type { LedgerFinding } from '../../memory/block-ledger.js';
import { allocProbes } from '../../profiles/midimon/midimon-session.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

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
    if (findings.length === 0) return pass(`${blocks.length} \`alloc\` blocks aligned to ${BLOCK_ALIGNMENT}`);
    return fail(
      `${findings.map((f) => (f.kind === 'unaligned' ? `\`${f.label}\` returned ptr=${f.ptr}, not a multiple of ${f.alignment}` : f.kind)).join('; ')}. ` +
        `Expected every block at a multiple of ${BLOCK_ALIGNMENT}: structures the plugin builds in such a block are misaligned. Fix: round the allocator's pointer up to ${BLOCK_ALIGNMENT} before handing it out.`,
      { offending: findings },
    );
  },
});
