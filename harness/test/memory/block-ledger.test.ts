import { describe, expect, it } from 'vitest';
import { BlockLedger } from '../../src/memory/block-ledger.js';

const MEMORY = 65536;

describe('BlockLedger', () => {
  it('holds host and plugin blocks until the host frees them, and tracks the heap extent', () => {
    const ledger = new BlockLedger();
    ledger.allocated(1024, 100, MEMORY, 'in');
    ledger.returned({ ptr: 2048, len: 50 }, [{ ptr: 1024, len: 100 }], MEMORY, 'out');
    expect(ledger.live.map((b) => [b.ptr, b.owner])).toEqual([[1024, 'host'], [2048, 'plugin']]);
    expect(ledger.heapExtent).toBe(2048 + 50 - 1024);
    ledger.freed(1024, 100, 'in');
    ledger.freed(2048, 50, 'out');
    expect(ledger.live).toEqual([]);
    expect(ledger.findings).toEqual([]);
  });

  it('lists every offending block: null, unaligned, out of bounds, overlapping a live block', () => {
    const ledger = new BlockLedger();
    ledger.allocated(0, 10, MEMORY, 'a');
    ledger.allocated(1028, 10, MEMORY, 'b');
    ledger.allocated(65528, 16, MEMORY, 'c');
    ledger.allocated(1032, 8, MEMORY, 'd');
    expect(ledger.findings).toEqual([
      { kind: 'null', requested: 10, label: 'a' },
      { kind: 'unaligned', ptr: 1028, len: 10, alignment: 8, label: 'b' },
      { kind: 'out-of-bounds', ptr: 65528, len: 16, memoryBytes: MEMORY, label: 'c' },
      { kind: 'overlaps-live', ptr: 1032, len: 8, live: { ptr: 1028, len: 10, owner: 'host', label: 'b' }, label: 'd' },
    ]);
  });

  it('judges a sized free of an output against the size the allocator reserved, only while watching', () => {
    const ledger = new BlockLedger();
    ledger.watchSizes();
    ledger.reservedByAllocator(1024, 100);
    ledger.allocated(1024, 100, MEMORY, 'in');
    ledger.reservedByAllocator(2048, 256);
    ledger.returned({ ptr: 2048, len: 50 }, [{ ptr: 1024, len: 100 }], MEMORY, 'out');
    ledger.returned({ ptr: 4096, len: 8 }, [], MEMORY, 'from elsewhere');
    ledger.freed(1024, 100, 'in');
    ledger.freed(2048, 50, 'out');
    ledger.freed(4096, 8, 'from elsewhere');
    // The host's own input is never judged: it frees exactly what it asked for.
    expect(ledger.judgedFrees).toBe(1);
    expect(ledger.findings).toEqual([{ kind: 'free-size-mismatch', ptr: 2048, len: 50, reserved: 256, label: 'out' }]);
    expect(ledger.unwatchedFrees).toEqual([{ ptr: 4096, len: 8, label: 'from elsewhere' }]);

    const unwatched = new BlockLedger();
    unwatched.reservedByAllocator(2048, 256);
    unwatched.returned({ ptr: 2048, len: 50 }, [], MEMORY, 'out');
    unwatched.freed(2048, 50, 'out');
    expect(unwatched.findings).toEqual([]);
    expect(unwatched.judgedFrees).toBe(0);
  });

  it("flags a block malloc hands out over the module's static data, but not an output there", () => {
    const ledger = new BlockLedger({ staticData: [{ ptr: 16, len: 19 }, { ptr: 960, len: 40 }] });
    ledger.allocated(1000, 8, MEMORY, 'just past the data');
    ledger.allocated(992, 8, MEMORY, 'over the data');
    ledger.returned({ ptr: 16, len: 19 }, [], MEMORY, 'a constant answer');
    expect(ledger.findings).toEqual([{ kind: 'overlaps-static', ptr: 992, len: 8, data: { ptr: 960, len: 40 }, label: 'over the data' }]);
  });

  it('flags an output that overlaps an input and a free of a block nobody allocated', () => {
    const ledger = new BlockLedger();
    ledger.allocated(1024, 100, MEMORY, 'in');
    ledger.returned({ ptr: 1024, len: 20 }, [{ ptr: 1024, len: 100 }], MEMORY, 'out');
    ledger.freed(4096, 8, 'stray');
    expect(ledger.findings.map((f) => f.kind)).toEqual(['output-overlaps-input', 'unknown-free']);
  });
});
