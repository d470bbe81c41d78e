/**
 * Probes the allocator alone, with no hook in between, on a fresh instance: first a few blocks of
 * different sizes held live together (the ledger judges each: null, aligned, in bounds, disjoint
 * from each other and from the module's static data),
 * then `malloc(size)` and `free` of that block, round after round. An allocator that reuses what is freed keeps handing out
 * the same few addresses; a bump arena whose `free` does nothing (seed 001's AssemblyScript
 * example) hands out a new block every round, a fixed number of bytes further on.
 */
import type { CheckContext } from '../engine/check-context.js';
import type { TrapInfo } from '../host/classify-trap.js';
import { BlockLedger } from './block-ledger.js';
import type { LedgerFinding } from './block-ledger.js';
import { theilSenSlope } from './robust-slope.js';
import { staticDataRanges } from './static-data.js';

/** Rounds of malloc/free, and the size each round asks for. */
export const PROBE_ROUNDS = 32;
export const PROBE_SIZE = 256;

/** Sizes held live together in the first phase: tiny, odd, the reuse size, and over a page's worth of small blocks. */
export const HELD_SIZES: readonly number[] = [1, 24, 7, PROBE_SIZE, 4096];

/** One round: the block `malloc` returned (freed straight after). */
export interface ProbeBlock {
  readonly round: number;
  readonly ptr: number;
  readonly len: number;
}

/** What the probe saw: every block, how far the allocator moves per round, or why it stopped. */
export type AllocatorProbe =
  | {
      readonly ok: true;
      /** The blocks held live together, and what the ledger found wrong with them. */
      readonly held: readonly ProbeBlock[];
      readonly findings: readonly LedgerFinding[];
      readonly blocks: readonly ProbeBlock[];
      readonly distinct: number;
      readonly bytesPerRound: number;
      readonly freeArgs: 'ptr' | 'ptr,size';
      /** Memory size after the last round: a bump arena that never calls `memory.grow` runs off its end. */
      readonly memoryBytes: number;
    }
  | { readonly ok: false; readonly reason: string; readonly trap?: TrapInfo };

/** The allocator and free exports the dialect names, as the Bifrost host picks them. */
function allocatorNames(ctx: CheckContext): { malloc: string; free: readonly string[] } {
  return ctx.dialect['allocator'] === 'plugin_malloc' ? { malloc: 'plugin_malloc', free: ['plugin_free', 'free'] } : { malloc: 'malloc', free: ['free', 'plugin_free'] };
}

/** Runs {@link PROBE_ROUNDS} rounds of `malloc(PROBE_SIZE)` and `free` on a fresh instance. */
export function probeAllocator(ctx: CheckContext): AllocatorProbe {
  const created = ctx.freshInstance();
  if (!created.ok) return { ok: false, reason: 'the plugin did not instantiate', trap: created.trap };
  const instance = created.value;
  const names = allocatorNames(ctx);
  const free = names.free.find((n) => instance.hasFunction(n));
  if (!instance.hasFunction(names.malloc) || free === undefined) return { ok: false, reason: `the plugin exports no \`${names.malloc}\` and \`free\` pair to probe` };
  const withSize = ctx.dialect['free'] === 'free(ptr,size)';
  const ledger = new BlockLedger({ staticData: staticDataRanges(ctx.bytes) });
  const held: ProbeBlock[] = [];
  for (const [i, size] of HELD_SIZES.entries()) {
    const got = instance.call(names.malloc, [size], `${names.malloc}(${size}) held`);
    if (!got.ok) return { ok: false, reason: `\`${names.malloc}(${size})\` trapped`, trap: got.trap };
    const ptr = (got.value as number) >>> 0;
    ledger.allocated(ptr, size, instance.memory?.byteLength ?? 0, `${names.malloc}(${size}), block ${i + 1} of ${HELD_SIZES.length} held live`);
    held.push({ round: i + 1, ptr, len: size });
  }
  for (const block of held) {
    if (block.ptr === 0) continue;
    ledger.freed(block.ptr, block.len, `${free}(${block.ptr})`);
    const freed = instance.call(free, withSize ? [block.ptr, block.len] : [block.ptr], `${free} held block`);
    if (!freed.ok) return { ok: false, reason: `\`${free}\` of a held block trapped`, trap: freed.trap };
  }
  const blocks: ProbeBlock[] = [];
  for (let round = 1; round <= PROBE_ROUNDS; round++) {
    const got = instance.call(names.malloc, [PROBE_SIZE], `${names.malloc}(${PROBE_SIZE}) probe ${round}`);
    if (!got.ok) return { ok: false, reason: `\`${names.malloc}(${PROBE_SIZE})\` trapped in round ${round}`, trap: got.trap };
    const ptr = (got.value as number) >>> 0;
    blocks.push({ round, ptr, len: PROBE_SIZE });
    if (ptr === 0) return { ok: false, reason: `\`${names.malloc}(${PROBE_SIZE})\` returned 0 in round ${round}` };
    const freed = instance.call(free, withSize ? [ptr, PROBE_SIZE] : [ptr], `${free} probe ${round}`);
    if (!freed.ok) return { ok: false, reason: `\`${free}\` trapped in round ${round}`, trap: freed.trap };
  }
  const bytesPerRound = theilSenSlope(blocks.map((b) => ({ x: b.round, y: b.ptr })));
  return { ok: true, held, findings: ledger.findings, blocks, distinct: new Set(blocks.map((b) => b.ptr)).size, bytesPerRound, freeArgs: withSize ? 'ptr,size' : 'ptr', memoryBytes: instance.memory?.byteLength ?? 0 };
}
