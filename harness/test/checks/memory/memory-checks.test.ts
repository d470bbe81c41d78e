/**
 * The memory checks on the bundled plugins, run directly on a check context (no worker): every
 * good Bifrost plugin passes, each faulty one fails its own check with the figures and the blocks
 * in the evidence, and the leak estimate matches the block the plugin leaks.
 */
import { describe, expect, it } from 'vitest';
import aligned from '../../../src/checks/memory/aligned.js';
import freeReclaims from '../../../src/checks/memory/free-reclaims.js';
import growthBounded from '../../../src/checks/memory/growth-bounded.js';
import leakPerCall from '../../../src/checks/memory/leak-per-call.js';
import midimonAligned from '../../../src/checks/memory/midimon-aligned.js';
import noDoubleFree from '../../../src/checks/memory/no-double-free.js';
import noOverlap from '../../../src/checks/memory/no-overlap.js';
import { PAGE_BYTES, WASM32_MAX_PAGES } from '../../../src/memory/growth-analysis.js';
import { bifrostV1 } from '../../../src/profiles/bifrost-v1/index.js';
import { bifrostV2 } from '../../../src/profiles/bifrost-v2/index.js';
import { midimon } from '../../../src/profiles/midimon/index.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { contextFor, loadBundled } from '../../support/plugins.js';

const CHECKS = [aligned, noOverlap, freeReclaims, noDoubleFree, leakPerCall, growthBounded];
const evidenceOf = (outcome: CheckOutcome): Record<string, unknown> => ('evidence' in outcome ? (outcome.evidence ?? {}) : {});

describe('memory checks on the good Bifrost plugins', () => {
  for (const [name, profile] of [['bifrost-v2-good-wat', bifrostV2], ['bifrost-v2-good-as', bifrostV2], ['bifrost-v2-good-c', bifrostV2], ['bifrost-v1-good', bifrostV1]] as const) {
    it(`${name} passes every memory check`, async () => {
      const ctx = contextFor(loadBundled(name), { profile });
      for (const check of CHECKS) expect((await check.run(ctx)).status, check.id).toBe('passed');
    });
  }
});

describe('memory.leak-per-call', () => {
  it('estimates the 1 KiB leaked per call within 10 %, and calls until OOM from that slope and the cap', async () => {
    const outcome = await leakPerCall.run(contextFor(loadBundled('bifrost-v2-memory-leak-block')));
    expect(outcome.status).toBe('failed');
    const evidence = evidenceOf(outcome);
    const perCall = evidence['liveBytesPerCall'] as number;
    expect(Math.abs(perCall - 1024) / 1024).toBeLessThan(0.1);
    const reused = evidence['reused'] as { call: number; pages: number; liveBytes: number }[];
    expect(reused).toHaveLength(200);
    expect(evidence['capPages']).toBe(WASM32_MAX_PAGES);
    const oom = evidence['callsUntilOom'] as number;
    // The heap end is the heap's start plus its extent; the figure is the room left over the slope.
    const lastLive = (reused[reused.length - 1] as { liveBytes: number }).liveBytes;
    expect(oom).toBeGreaterThan(Math.floor((WASM32_MAX_PAGES * PAGE_BYTES - lastLive - 2 * PAGE_BYTES) / perCall));
    expect(oom).toBeLessThanOrEqual(Math.floor((WASM32_MAX_PAGES * PAGE_BYTES - lastLive) / perCall));
    expect(evidence['realHostLifecycle']).toBe('reused');
    expect(outcome.message).toContain('1040 bytes');
  });
});

describe('alloc.free-reclaims', () => {
  it('names a no-op free a bump arena, lists its blocks and gives its calls until OOM', async () => {
    const outcome = await freeReclaims.run(contextFor(loadBundled('bifrost-v2-alloc-free-noop')));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('bump arena that never frees');
    const evidence = evidenceOf(outcome);
    const blocks = evidence['blocks'] as { round: number; ptr: number }[];
    expect(new Set(blocks.map((b) => b.ptr)).size).toBe(blocks.length);
    expect(evidence['bytesPerRound']).toBe(256);
    expect(evidence['callsUntilOom']).toBeGreaterThan(0);
  });
});

describe('memory.growth-bounded', () => {
  it('fails a page grown per call with a flat heap, with pages against call number', async () => {
    const outcome = await growthBounded.run(contextFor(loadBundled('bifrost-v2-memory-grows-page')));
    expect(outcome.status).toBe('failed');
    const evidence = evidenceOf(outcome);
    expect(evidence['memoryBytesPerCall']).toBe(PAGE_BYTES);
    expect(evidence['liveBytesPerCall']).toBe(0);
    const reused = evidence['reused'] as { pages: number }[];
    expect((reused[199]?.pages ?? 0) - (reused[0]?.pages ?? 0)).toBe(199);
  });

  it('does not blame a leak on memory growth: the heap explains it', async () => {
    expect((await growthBounded.run(contextFor(loadBundled('bifrost-v2-memory-leak-block')))).status).toBe('passed');
  });
});

describe('the ledger checks list the offending blocks', () => {
  it('alloc.aligned names the unaligned pointer', async () => {
    const outcome = await aligned.run(contextFor(loadBundled('bifrost-v2-alloc-unaligned')));
    expect(outcome.status).toBe('failed');
    expect(evidenceOf(outcome)['offending']).toEqual([{ kind: 'unaligned', ptr: 1025, len: 1, alignment: 8, label: 'malloc(1), block 1 of 5 held live' }]);
  });

  it('alloc.no-overlap names both blocks of every overlap', async () => {
    const outcome = await noOverlap.run(contextFor(loadBundled('bifrost-v2-alloc-overlap')));
    expect(outcome.status).toBe('failed');
    const offending = evidenceOf(outcome)['offending'] as { kind: string; ptr: number; live: { ptr: number } }[];
    expect(offending.length).toBeGreaterThanOrEqual(2);
    expect(offending.every((f) => f.kind === 'overlaps-live' && f.ptr === f.live.ptr)).toBe(true);
  });

  it('alloc.no-double-free names the output that lands in its input, call by call', async () => {
    const outcome = await noDoubleFree.run(contextFor(loadBundled('bifrost-v2-alloc-double-free')));
    expect(outcome.status).toBe('failed');
    const evidence = evidenceOf(outcome);
    expect((evidence['offending'] as unknown[]).length).toBe(20);
    expect(evidence['notListed']).toBe(180);
    expect(outcome.message).toContain('inside its input block');
  });
});

describe('alloc.aligned (midimon)', () => {
  it('passes the good midimon plugin and names every unaligned alloc block of the faulty one', async () => {
    expect((await midimonAligned.run(contextFor(loadBundled('midimon-good-wat'), { profile: midimon }))).status).toBe('passed');
    const outcome = await midimonAligned.run(contextFor(loadBundled('midimon-alloc-unaligned'), { profile: midimon }));
    expect(outcome.status).toBe('failed');
    expect((evidenceOf(outcome)['offending'] as { ptr: number }[]).map((f) => f.ptr)).toEqual([1025, 1025, 1025]);
  });
});
