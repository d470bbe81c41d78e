/**
 * `alloc.no-overlap`: a block `malloc` hands out never overlaps one still live, nor the module's
 * static data (its active data segments, live from instantiation on). Blocks are held live together
 * and checked pairwise, with no hook in between, so an overlap is the allocator's own fault (a block
 * the plugin frees itself is `alloc.no-double-free`'s finding).
 */
import { defineLedgerCheck } from './define-ledger-check.js';
import { probeFindings } from './ledger-sources.js';

export default defineLedgerCheck({
  id: 'alloc.no-overlap',
  title: '`malloc` never returns a block that overlaps a live one',
  specRef: 'seed 001 §Exports: malloc; seed 000 §Plugin Structure: plugin_malloc; spec-decisions "bifrost" (the host allocates each input with the plugin\'s allocator)',
  dependsOn: ['lifecycle.instantiate'],
  kinds: ['overlaps-live', 'overlaps-static'],
  source: probeFindings,
  describe: (f) =>
    f.kind === 'overlaps-live'
      ? `\`${f.label}\` returned [${f.ptr}, ${f.ptr + f.len}), which overlaps the live block [${f.live.ptr}, ${f.live.ptr + f.live.len}) from \`${f.live.label}\``
      : f.kind === 'overlaps-static'
        ? `\`${f.label}\` returned [${f.ptr}, ${f.ptr + f.len}), which lies over the module's static data at [${f.data.ptr}, ${f.data.ptr + f.data.len})`
        : f.kind,
  consequence:
    'Expected disjoint blocks while both are live, and none over the module\'s static data: a host writing two inputs (bifrost-v1 hooks take several) overwrites the first with the second, and an input written over static data overwrites the plugin\'s own constants. Fix: start the heap past the static data (AssemblyScript `__heap_base`) and advance the allocator past every block it hands out, whatever its size.',
});
