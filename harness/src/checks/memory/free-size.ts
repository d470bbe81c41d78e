/**
 * `alloc.free-size`: a `free(ptr, size)` is given the size the plugin's allocator reserved.
 *
 * What plugcheck can judge, and what it cannot. The arity of `free` is not a separate finding: the
 * profiles accept exactly the arities a host calls (`free(ptr)` and `free(ptr, size)` for Bifrost,
 * `dealloc(ptr, size)` for midimon), `abi.export-signatures` rejects any other, and the host's
 * dialect follows the arity the plugin exports, so a host never calls `free` with the wrong number of
 * arguments. The size is where it goes wrong: the host passes an input's exact length, but for an
 * output it can only pass the length the plugin handed back. When the plugin reserved a different
 * size for that block (a fixed buffer, a Rust `Vec` whose capacity exceeds its length handed out with
 * `mem::forget`), the host's `free(ptr, len)` breaks the allocator's contract — Rust's `dealloc`
 * requires the layout the block was allocated with — and a sized allocator files the block under the
 * wrong size. plugcheck sees the reserved size by instrumenting the exported allocator
 * (memory/instrument-allocator.ts), so only blocks that allocator handed out are judged: an output
 * from another allocator (libc `malloc` behind a wrapper, Rust's global allocator) is listed as not
 * judged, and a run where nothing could be judged is skipped, never passed.
 */
import { runFreeSize } from '../../memory/free-size-run.js';
import { bifrostProfile } from '../../profiles/bifrost/bifrost-session.js';
import { pass, skip } from '../../report/check-result.js';
import type { LedgerSource } from './define-ledger-check.js';
import { defineLedgerCheck } from './define-ledger-check.js';
import type { CheckContext } from '../../engine/check-context.js';

async function freeSizeFindings(ctx: CheckContext): Promise<LedgerSource> {
  if (ctx.dialect['free'] !== 'free(ptr,size)') {
    return { ok: false, outcome: pass(`\`free\` takes only the pointer (${ctx.dialect['free'] ?? 'none'}): the host passes no size, so there is none to get wrong`) };
  }
  const run = await ctx.shared('memory-free-size-run', () => runFreeSize(ctx, bifrostProfile(ctx)));
  if (!run.ok) return { ok: false, outcome: skip(`the allocator could not be watched: ${run.reason}`) };
  if (run.judgedFrees === 0) {
    return {
      ok: false,
      outcome: skip(`none of the ${run.unwatchedFrees.length} output blocks the host freed came from the exported allocator, so the size reserved for them is unknown to plugcheck (the plugin's code allocates its answers elsewhere)`),
    };
  }
  return { ok: true, findings: run.findings, scope: `${run.judgedFrees} output blocks freed over ${run.calls.length} calls (${run.unwatchedFrees.length} from another allocator not judged)` };
}

export default defineLedgerCheck({
  id: 'alloc.free-size',
  title: '`free(ptr, size)` is given the size the allocator reserved',
  specRef: 'seed 001 §Exports: free "(ptr: u32, size: u32)" ("Rust requires size for dealloc"); spec-decisions "bifrost" (the host passes the length as size when free takes two parameters); Rust GlobalAlloc::dealloc (layout must be the one the block was allocated with)',
  dependsOn: ['lifecycle.instantiate'],
  kinds: ['free-size-mismatch'],
  source: freeSizeFindings,
  describe: (f) => (f.kind === 'free-size-mismatch' ? `\`${f.label}\` handed back [${f.ptr}, ${f.ptr + f.len}) from a ${f.reserved}-byte block, so the host calls free(${f.ptr}, ${f.len})` : f.kind),
  consequence:
    'Expected the output block to be exactly as long as the answer: the host frees it with the length it was given, and a sized free (Rust\'s dealloc) needs the size the block was allocated with, or it corrupts or leaks the heap. Fix: allocate the answer with exactly its length (Rust: `into_boxed_slice()` before `mem::forget`), or copy it into a block of that length.',
});
