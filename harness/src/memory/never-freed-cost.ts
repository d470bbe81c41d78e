/**
 * What a host that never frees costs (midimon: the host calls `alloc` for every request and never
 * `dealloc`, seed-systems §3.3). The real host gives every call a fresh instance, so nothing
 * accumulates there: the cost is one call's — the bytes `alloc` hands out for the request and the
 * pages the instance ends the call with, against the 128 MiB cap. What the same plugin would cost a
 * host that reused one instance is measured, not guessed: `execute` is called again and again on one
 * instance with the ledger recording every `alloc` block, and the growth analysis turns the slope into
 * the calls it would survive. There is no rule to enforce (the real host never reuses), so this is
 * evidence, carried by midimon's `alloc.aligned`.
 */
import type { CheckContext } from '../engine/check-context.js';
import { HOST_CONTEXT, requestJson } from '../profiles/midimon/fixtures.js';
import type { MidimonProfile } from '../profiles/midimon/index.js';
import { midimonCaller } from '../profiles/midimon/midimon-session.js';
import { BlockLedger } from './block-ledger.js';
import { analyseGrowth, memoryCapOf, PAGE_BYTES } from './growth-analysis.js';
import type { GrowthAnalysis, GrowthSample } from './growth-analysis.js';

/** Reused-instance calls measured when the run options set none. */
export const NEVER_FREED_CALLS = 200;

/**
 * The cost, as evidence. Shape (plotted like the growth evidence): `samples` are per-call
 * `{ call, pages, liveBytes }` of the reused instance, call 1 being exactly the real host's call.
 */
export type NeverFreedCost =
  | {
      readonly ok: true;
      readonly action: string;
      /** Bytes `alloc` handed out per `execute` (the request block, never freed). */
      readonly allocBytesPerCall: number;
      /** Pages at the end of one call in a fresh instance: what the real host pays per call. */
      readonly pagesAfterOneCall: number;
      readonly capPages: number;
      readonly cap: string;
      /** A reused instance (never the real host): heap and memory bytes per call and the calls it would survive. */
      readonly reused: {
        readonly calls: number;
        readonly analysis: GrowthAnalysis;
        readonly samples: readonly { readonly call: number; readonly pages: number; readonly liveBytes: number }[];
        /** Set when a call stopped the run early (a trap, or a block past the end of memory). */
        readonly stoppedAt?: { readonly call: number; readonly reason: string };
      };
    }
  | { readonly ok: false; readonly reason: string };

/** Runs `execute` of `action` on one instance `calls` times, as a host that reused instances would. */
export function measureNeverFreedCost(ctx: CheckContext, profile: MidimonProfile, action: string, capabilities: readonly string[], calls: number = NEVER_FREED_CALLS): NeverFreedCost {
  const wasi = capabilities.includes('filesystem') ? { preopens: { '/': midimonCaller(ctx).dataDirectory } } : {};
  const created = ctx.freshInstance({ wasi });
  if (!created.ok) return { ok: false, reason: `the plugin did not instantiate (${created.trap.message})` };
  const instance = created.value;
  const memory = instance.memory;
  if (memory === undefined || !instance.hasFunction('alloc') || !instance.hasFunction('execute')) return { ok: false, reason: 'the plugin exports no memory, `alloc` or `execute`' };
  const request = requestJson(action, HOST_CONTEXT);
  const requestBytes = Buffer.byteLength(request, 'utf8');
  const ledger = new BlockLedger();
  const samples: GrowthSample[] = [];
  let stoppedAt: { call: number; reason: string } | undefined;
  for (let call = 1; call <= calls; call++) {
    const label = `execute ${action} (reused instance, call ${call})`;
    const allocated = instance.call('alloc', [requestBytes], `alloc for ${label}`);
    if (!allocated.ok) {
      stoppedAt = { call, reason: `alloc trapped: ${allocated.trap.message}` };
      break;
    }
    const ptr = (allocated.value as number) >>> 0;
    ledger.allocated(ptr, requestBytes, memory.byteLength, label);
    if (memory.writeString(ptr, request, requestBytes) < 0) {
      stoppedAt = { call, reason: `alloc returned ${ptr}, a block past the end of memory` };
      break;
    }
    const executed = instance.call('execute', [ptr, requestBytes], label);
    if (!executed.ok) {
      stoppedAt = { call, reason: `execute trapped: ${executed.trap.message}` };
      break;
    }
    // Nothing is freed: the block stays live in the ledger, as it stays taken in the guest.
    samples.push({ call, pages: memory.byteLength / PAGE_BYTES, liveBytes: ledger.heapExtent, heapEnd: ledger.heapEnd });
  }
  const first = samples[0];
  if (first === undefined) return { ok: false, reason: stoppedAt?.reason ?? 'no call ran' };
  const cap = memoryCapOf(profile);
  const analysis = analyseGrowth(samples, cap);
  return {
    ok: true,
    action,

    allocBytesPerCall: requestBytes,
    pagesAfterOneCall: first.pages,
    capPages: cap.pages,
    cap: cap.note,
    reused: {
      calls: samples.length,
      analysis,
      samples: samples.map(({ call, pages, liveBytes }) => ({ call, pages, liveBytes })),
      ...(stoppedAt === undefined ? {} : { stoppedAt }),
    },
  };
}
