/**
 * `alloc.non-null`: `alloc(len)` returns a non-zero pointer for every request size the host
 * sends. The host does not check: given 0 it writes the request at address 0 anyway, over whatever
 * the plugin keeps there (spec-decisions "midimon"; seed-systems §3.3, the wasm-minimal plugin).
 */
import { defineAllocCheck } from './define-alloc-check.js';

export default defineAllocCheck({
  id: 'alloc.non-null',
  title: '`alloc` never returns 0',
  specRef: 'seed 002 §Memory Management: alloc; spec-decisions "midimon" (alloc returning 0 is an allocator failure); seed-systems §3.3',
  judge: (block) => (block.ptr === 0 ? `\`alloc(${block.requested})\` returned 0 (null)` : undefined),
  consequence:
    'The real host does not check the pointer: it writes the request at address 0 anyway and calls execute(0, len), overwriting whatever the plugin keeps at the bottom of its memory',
  fix: 'return a pointer to a fresh block of at least len bytes (e.g. Vec::with_capacity(len.max(1)) then mem::forget, or malloc(len ? len : 1))',
  passed: 'returned non-zero pointers',
});
