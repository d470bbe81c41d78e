/**
 * A Bifrost hook call whose inputs the host writes itself, back to back, so that the last one ends
 * exactly at the last byte of linear memory (an empty last input is length 0 at the end): a plugin
 * that reads even one byte past its input traps, where behind a block from its own allocator the
 * over-read would read neighbouring bytes unseen. The host first grows memory by the pages the
 * inputs need, so they sit in memory no allocator has handed out (allocators grow from the size
 * they see when they grow; the instance has run `init`, so an allocator that claims all of memory
 * when it sets itself up already has), and it never frees them (the plugin did not allocate them). The
 * output is read as strict UTF-8 and not freed either: this instance serves fuzz cases only, and
 * whether `free` works is the alloc.* checks' finding.
 */
import type { BifrostCall, BifrostCaller } from '../../profiles/bifrost/bifrost-caller.js';
import { unpackU64 } from '../../profiles/bifrost/packed.js';

const PAGE_BYTES = 65536;
const encoder = new TextEncoder();

/** What an end-of-memory call came to: the call, or why the inputs could not be placed (memory at its maximum). */
export type PlacedCall = BifrostCall | { readonly kind: 'not-placed'; readonly reason: string };

/** Calls `exportName` with `inputs` placed at the end of memory. */
export function callAtEndOfMemory(caller: BifrostCaller, exportName: string, inputs: readonly (string | Uint8Array)[], label: string): PlacedCall {
  const memory = caller.instance.memory;
  const hook = caller.instance.fn(exportName);
  if (memory === undefined || hook === undefined) return { kind: 'not-placed', reason: `no exported memory or no export \`${exportName}\`` };
  const bytes = inputs.map((i) => (typeof i === 'string' ? encoder.encode(i) : i));
  const total = bytes.reduce((n, b) => n + b.length, 0);
  if (total > 0) {
    try {
      memory.memory.grow(Math.ceil(total / PAGE_BYTES));
    } catch (thrown) {
      return { kind: 'not-placed', reason: `memory cannot grow: ${(thrown as Error).message}` };
    }
  }
  const args: number[] = [];
  let at = memory.byteLength - total;
  for (const b of bytes) {
    memory.write(at, b);
    args.push(at, b.length);
    at += b.length;
  }
  const called = caller.instance.invoke(hook, args, label);
  if (!called.ok) return { kind: 'trap', step: 'call', trap: called.trap };
  const { ptr, len } = unpackU64(called.value as bigint);
  if (ptr === 0 && len === 0) return { kind: 'no-data' };
  const read = memory.readString(ptr, len);
  return read.ok ? { kind: 'output', text: read.value, ptr, len } : { kind: 'fault', step: 'read-output', fault: read.fault };
}
