/**
 * `alloc.aligned`: every block `malloc` hands out is aligned to 8 bytes, the alignment of wasm32's
 * i64 and f64 (C and Rust allocators give at least that; AssemblyScript's TLSF gives 16). The host
 * only writes bytes, but the plugin's own typed loads and stores into such a block are misaligned.
 */
import { BLOCK_ALIGNMENT } from '../../memory/block-ledger.js';
import { defineLedgerCheck } from './define-ledger-check.js';
import { probeFindings } from './ledger-sources.js';

export default defineLedgerCheck({
  id: 'alloc.aligned',
  title: '`malloc` returns aligned blocks',
  specRef: 'seed 001 §Exports: malloc "allocate memory"; seed 000 §Plugin Structure: plugin_malloc; C11 §7.22.3 (malloc returns memory suitably aligned for any object type: 8 bytes on wasm32)',
  dependsOn: ['lifecycle.instantiate'],
  kinds: ['unaligned'],
  source: probeFindings,
  describe: (f) => (f.kind === 'unaligned' ? `\`${f.label}\` returned ptr=${f.ptr}, not a multiple of ${f.alignment}` : f.kind),
  consequence: `Expected every block at a multiple of ${BLOCK_ALIGNMENT}: structures the plugin builds in such a block are misaligned. Fix: round the allocator's pointer up to ${BLOCK_ALIGNMENT} (or 16) before handing it out.`,
});
