/**
 * The shadow-allocator ledger: the host's record of every block it allocated in guest memory and
 * every block a plugin handed back, with sizes and owners, and the findings that record exposes.
 * The plugin's own allocations are invisible to a host; what it can see is where the allocator
 * puts the host's blocks, so the ledger also keeps the heap's extent (the lowest and highest byte
 * any block reached), which is what a leak inside the plugin pushes up.
 */
import type { AllocationObserver, BlockRange } from './allocation-observer.js';

/**
 * The alignment a block must have: wasm32 C and Rust allocators guarantee at least 8 (the
 * alignment of i64 and f64), AssemblyScript's TLSF 16; a smaller one breaks typed loads in the guest.
 */
export const BLOCK_ALIGNMENT = 8;

/** Who holds a live block: the host (an input it allocated) or the plugin (an output it handed over). */
export type BlockOwner = 'host' | 'plugin';

/** A block the ledger holds as live. */
export interface LedgerBlock extends BlockRange {
  readonly owner: BlockOwner;
  /** The call that produced it, e.g. `pre_hook seed-example malloc`. */
  readonly label: string;
}

/** Something wrong with a block, with the block itself (offending blocks are listed, not counted). */
export type LedgerFinding =
  | { readonly kind: 'null'; readonly requested: number; readonly label: string }
  | { readonly kind: 'unaligned'; readonly ptr: number; readonly len: number; readonly alignment: number; readonly label: string }
  | { readonly kind: 'out-of-bounds'; readonly ptr: number; readonly len: number; readonly memoryBytes: number; readonly label: string }
  | { readonly kind: 'overlaps-live'; readonly ptr: number; readonly len: number; readonly live: LedgerBlock; readonly label: string }
  /** A block `malloc` handed out lies over the module's static data (memory/static-data.ts). */
  | { readonly kind: 'overlaps-static'; readonly ptr: number; readonly len: number; readonly data: BlockRange; readonly label: string }
  | { readonly kind: 'output-overlaps-input'; readonly ptr: number; readonly len: number; readonly input: BlockRange; readonly label: string }
  | { readonly kind: 'unknown-free'; readonly ptr: number; readonly len: number; readonly label: string }
  /** The host frees `len` bytes at `ptr` with a sized free, where the plugin's allocator reserved `reserved`. */
  | { readonly kind: 'free-size-mismatch'; readonly ptr: number; readonly len: number; readonly reserved: number; readonly label: string };

/** A block the host freed whose reserved size the ledger never saw (it did not come from the watched allocator). */
export interface UnwatchedFree extends BlockRange {
  readonly label: string;
}

const overlaps = (ptr: number, len: number, b: BlockRange) => ptr < b.ptr + Math.max(b.len, 1) && b.ptr < ptr + Math.max(len, 1);

/** Records blocks as an {@link AllocationObserver} and collects findings. */
export class BlockLedger implements AllocationObserver {
  readonly #live = new Map<number, LedgerBlock>();
  /** Every finding so far, in the order they happened. */
  readonly findings: LedgerFinding[] = [];
  #heapStart = Number.POSITIVE_INFINITY;
  #heapEnd = 0;
  readonly #staticData: readonly BlockRange[];
  // Sizes the plugin's allocator reserved, by address; only while watched (memory/instrument-allocator.ts).
  #reserved: Map<number, number> | undefined;
  /** Output blocks freed that the ledger could not judge while watching sizes: they were not from the watched allocator. */
  readonly unwatchedFrees: UnwatchedFree[] = [];
  /** Output blocks freed and judged against their reserved size while watching. */
  judgedFrees = 0;

  /** `staticData`: the module's static data ranges, which no block `malloc` hands out may overlap (none when absent). */
  constructor(options: { readonly staticData?: readonly BlockRange[] } = {}) {
    this.#staticData = options.staticData ?? [];
  }

  /** The blocks live now. */
  get live(): readonly LedgerBlock[] {
    return [...this.#live.values()];
  }

  /** Bytes from the lowest block to the end of the highest one seen so far (0 before the first). */
  get heapExtent(): number {
    return this.#heapEnd > this.#heapStart ? this.#heapEnd - this.#heapStart : 0;
  }

  /** The end of the highest block seen so far. */
  get heapEnd(): number {
    return this.#heapEnd;
  }

  // Hot path of an audited call: plain loops, no closures or spreads, one object per block.
  #record(ptr: number, len: number, owner: BlockOwner, memoryBytes: number, label: string): void {
    // Outputs are byte strings the host reads; only blocks malloc hands out must be aligned.
    if (owner === 'host' && ptr % BLOCK_ALIGNMENT !== 0) this.findings.push({ kind: 'unaligned', ptr, len, alignment: BLOCK_ALIGNMENT, label });
    if (ptr + len > memoryBytes) {
      this.findings.push({ kind: 'out-of-bounds', ptr, len, memoryBytes, label });
      return;
    }
    if (owner === 'host') {
      for (const data of this.#staticData) {
        if (overlaps(ptr, len, data)) this.findings.push({ kind: 'overlaps-static', ptr, len, data, label });
      }
    }
    if (this.#live.size > 0) {
      for (const live of this.#live.values()) {
        if (overlaps(ptr, len, live)) this.findings.push({ kind: 'overlaps-live', ptr, len, live, label });
      }
    }
    this.#live.set(ptr, { ptr, len, owner, label });
    if (ptr < this.#heapStart) this.#heapStart = ptr;
    if (ptr + len > this.#heapEnd) this.#heapEnd = ptr + len;
  }

  allocated(ptr: number, requested: number, memoryBytes: number, label: string): void {
    if (ptr === 0) {
      this.findings.push({ kind: 'null', requested, label });
      return;
    }
    this.#record(ptr, requested, 'host', memoryBytes, label);
  }

  returned(output: BlockRange, inputs: readonly BlockRange[], memoryBytes: number, label: string): void {
    for (const input of inputs) {
      if (input.ptr !== 0 && overlaps(output.ptr, output.len, input)) {
        // Handing an input back as output makes the host free one block twice (spec-decisions "bifrost").
        this.findings.push({ kind: 'output-overlaps-input', ptr: output.ptr, len: output.len, input, label });
        return;
      }
    }
    this.#record(output.ptr, output.len, 'plugin', memoryBytes, label);
  }

  /**
   * From now on every free is judged against the size the plugin's allocator reserved for the block,
   * as reported through {@link reservedByAllocator}: for a host whose `free` takes the size.
   */
  watchSizes(): void {
    this.#reserved ??= new Map();
  }

  /** The plugin's allocator handed out `ptr` for `size` bytes (to the host or to the plugin's own code). */
  reservedByAllocator(ptr: number, size: number): void {
    this.#reserved?.set(ptr, size);
  }

  freed(ptr: number, len: number, label: string): void {
    const owner = this.#live.get(ptr)?.owner;
    if (!this.#live.delete(ptr)) this.findings.push({ kind: 'unknown-free', ptr, len, label });
    // The host's own blocks are freed with the size it asked for; only a plugin's output can be freed with the wrong one.
    if (this.#reserved === undefined || owner !== 'plugin') return;
    const reserved = this.#reserved.get(ptr);
    if (reserved === undefined) {
      this.unwatchedFrees.push({ ptr, len, label });
      return;
    }
    this.judgedFrees++;
    if (reserved !== len) this.findings.push({ kind: 'free-size-mismatch', ptr, len, reserved, label });
    this.#reserved.delete(ptr);
  }
}
