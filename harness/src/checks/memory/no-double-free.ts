/**
 * `alloc.no-double-free`: the output a hook hands back never overlaps its input. The host frees
 * both (spec-decisions "bifrost"), so an overlap is a double free in the real host: either the
 * plugin freed the input itself and its allocator handed the same memory out again as the output,
 * or it returned (part of) the input block as its answer.
 */
import { defineLedgerCheck } from './define-ledger-check.js';
import { growthFindings } from './ledger-sources.js';

export default defineLedgerCheck({
  id: 'alloc.no-double-free',
  title: 'No block is freed twice: outputs never overlap the input',
  specRef: 'spec-decisions "bifrost" (the host frees both the input and the output block with the plugin\'s free); seed 001 §Exports: free',
  dependsOn: ['lifecycle.hooks-answer', 'alloc.no-overlap'],
  kinds: ['output-overlaps-input'],
  source: growthFindings,
  describe: (f) => (f.kind === 'output-overlaps-input' ? `\`${f.label}\` answered at [${f.ptr}, ${f.ptr + f.len}), inside its input block [${f.input.ptr}, ${f.input.ptr + f.input.len})` : f.kind),
  consequence:
    'The real host frees the input and then the output: the same memory is freed twice and the allocator\'s state is corrupt. Expected the output in a block of its own. Fix: never free the input inside a hook (the host owns it) and copy the answer into a fresh malloc\'d block.',
});
