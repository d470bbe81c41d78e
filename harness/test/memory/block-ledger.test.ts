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

  it('flags an output that overlaps an input and a free of a block nobody allocated', () => {
    const ledger = new BlockLedger();
    ledger.allocated(1024, 100, MEMORY, 'in');
    ledger.returned({ ptr: 1024, len: 20 }, [{ ptr: 1024, len: 100 }], MEMORY, 'out');
    ledger.freed(4096, 8, 'stray');
    expect(ledger.findings.map((f) => f.kind)).toEqual(['output-overlaps-input', 'unknown-free']);
  });
});
