/**
 * `alloc.in-bounds`: the block `alloc(len)` returns lies inside memory, so the host can write the
 * request into it. A block past the end makes the host's memory write fail: `execute` never runs.
 */
import { defineAllocCheck } from './define-alloc-check.js';

export default defineAllocCheck({
  id: 'alloc.in-bounds',
  title: '`alloc` returns blocks that lie inside memory',
  specRef: 'seed 002 §Memory Management: alloc; seed-systems §3.3 (memory.write of the request)',
  judge: (block) =>
    block.ptr + block.requested > block.memoryBytes
      ? `\`alloc(${block.requested})\` returned ptr=${block.ptr}, so the block ends at ${block.ptr + block.requested}, past the end of memory (${block.memoryBytes} bytes)`
      : undefined,
  consequence: 'The real host\'s memory write of the request fails ("Memory write failed") and `execute` never runs',
  fix: 'grow memory (memory.grow) before handing out a block that does not fit, or return a block from an allocator that does',
  passed: 'returned blocks inside memory',
});
