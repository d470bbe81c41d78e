/**
 * `alloc.non-null` for Bifrost: `malloc` never returns 0 for a small block. The Bifrost host treats
 * 0 as an allocation failure and gives up on the call, so a plugin whose allocator starts at address
 * 0 (seed 001's AssemblyScript example: `heapOffset` starts at 0) fails its first call, and every
 * later block it hands out lies over the module's own static data. midimon's `alloc.non-null`
 * (checks/midimon) is the same rule for `alloc`, judged in a fresh instance per call.
 */
import { defineLedgerCheck } from './define-ledger-check.js';
import { probeFindings } from './ledger-sources.js';

export default defineLedgerCheck({
  id: 'alloc.non-null',
  title: '`malloc` never returns 0 for a small block',
  specRef: 'seed 001 §Exports: malloc; seed-systems §1.4 (examples return 0 only when allocation fails); spec-decisions "bifrost" (the host allocates each input with the plugin\'s allocator)',
  dependsOn: ['lifecycle.instantiate'],
  kinds: ['null'],
  source: probeFindings,
  describe: (f) => (f.kind === 'null' ? `\`${f.label}\` returned 0` : f.kind),
  consequence:
    'Expected a real block: the host reads 0 as "out of memory" and abandons the call, and an allocator that starts at address 0 hands out the memory of the module\'s own static data next. Fix: start the heap at the module\'s heap base (AssemblyScript `__heap_base`, or `heap.alloc`), never at 0.',
});
