/**
 * The memory checks on the bundled plugins, run directly on a check context (no worker): every
 * good Bifrost plugin passes (or is skipped where its expectations say so), each faulty one fails
 * exactly its own check with the offending blocks or the curve in the evidence, and the leak
 * estimate matches the block the plugin leaks.
 */
import { describe, expect, it } from 'vitest';
import aligned from '../../../src/checks/memory/aligned.js';
import freeReclaims from '../../../src/checks/memory/free-reclaims.js';
import freeSize from '../../../src/checks/memory/free-size.js';
import growthBounded from '../../../src/checks/memory/growth-bounded.js';
import { MEMORY_CHECKS } from '../../../src/checks/memory/index.js';
import leakPerCall from '../../../src/checks/memory/leak-per-call.js';
import midimonAligned from '../../../src/checks/memory/midimon-aligned.js';
import noDoubleFree from '../../../src/checks/memory/no-double-free.js';
import nonNull from '../../../src/checks/memory/non-null.js';
import noOverlap from '../../../src/checks/memory/no-overlap.js';
import type { CheckContext } from '../../../src/engine/check-context.js';
import { PAGE_BYTES, WASM32_MAX_PAGES } from '../../../src/memory/growth-analysis.js';
import { bifrostV1 } from '../../../src/profiles/bifrost-v1/index.js';
import { bifrostV2 } from '../../../src/profiles/bifrost-v2/index.js';
import { midimon } from '../../../src/profiles/midimon/index.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { bundledPlugins, expectedStatus, isGood } from '../../support/plugcheck-cli.js';
import { contextFor, loadBundled } from '../../support/plugins.js';

const evidenceOf = (outcome: CheckOutcome): Record<string, unknown> => ('evidence' in outcome ? (outcome.evidence ?? {}) : {});
const BIFROST_MEMORY_CHECKS = MEMORY_CHECKS.filter((c) => (c.appliesTo as readonly string[]).includes('bifrost-v2'));

/**
 * Runs every Bifrost memory check in registry order, as the engine would: a check whose dependency
 * among them did not pass is skipped (the lifecycle dependencies pass for the plugins used here).
 */
async function runAll(ctx: CheckContext): Promise<Map<string, CheckOutcome>> {
  const outcomes = new Map<string, CheckOutcome>();
  for (const check of BIFROST_MEMORY_CHECKS) {
    const blocked = (check.dependsOn ?? []).some((dep) => outcomes.has(dep) && outcomes.get(dep)?.status !== 'passed');
    outcomes.set(check.id, blocked ? { status: 'skipped', message: 'a dependency did not pass' } : await check.run(ctx));
  }
  return outcomes;
}

describe('memory checks on the good Bifrost plugins', () => {
  const good = bundledPlugins().filter((p) => isGood(p) && p.expectations.profile.startsWith('bifrost') && p.wasm.endsWith('.wasm'));
  it('covers the good plugins of both Bifrost profiles', () => {
    expect(good.map((p) => p.name)).toEqual(expect.arrayContaining(['bifrost-v1-good', 'bifrost-v2-good-wat', 'bifrost-v2-good-as', 'bifrost-v2-good-c', 'bifrost-v2-gc-garbage-as']));
  });
  for (const plugin of good) {
    it(`${plugin.name} passes every memory check its expectations do not skip`, async () => {
      const profile = plugin.expectations.profile === 'bifrost-v1' ? bifrostV1 : bifrostV2;
      const outcomes = await runAll(contextFor(loadBundled(plugin.name), { profile }));
      for (const [id, outcome] of outcomes) expect(outcome.status, `${id}: ${outcome.message}`).toBe(expectedStatus(plugin.expectations, id));
    });
  }
});

describe('each faulty plugin fails exactly its own memory check, with the evidence', () => {
  // check → what in its evidence lists the offending blocks (or the curve)
  const FAULTY: readonly (readonly [string, string | undefined, string | undefined])[] = [
    ['bifrost-v2-memory-leak-block', 'memory.leak-per-call', 'reused'],
    ['bifrost-v2-alloc-free-noop', 'alloc.free-reclaims', 'blocks'],
    ['bifrost-v2-alloc-overlap', 'alloc.no-overlap', 'offending'],
    ['bifrost-v2-alloc-double-free', 'alloc.no-double-free', 'offending'],
    ['bifrost-v2-alloc-unaligned', 'alloc.aligned', 'offending'],
    ['bifrost-v2-memory-grows-page', 'memory.growth-bounded', 'reused'],
    ['bifrost-v2-alloc-free-size', 'alloc.free-size', 'offending'],
    // Its one check, alloc.output-in-bounds, is helper "answers"'s (registered apart); none of these may fail.
    ['bifrost-v2-alloc-output-out-of-bounds', undefined, undefined],
  ];
  for (const [name, check, listed] of FAULTY) {
    it(`${name} fails ${check ?? 'none of them'}`, async () => {
      const outcomes = await runAll(contextFor(loadBundled(name)));
      const failed = [...outcomes].filter(([, o]) => o.status !== 'passed' && o.status !== 'skipped').map(([id]) => id);
      expect(failed).toEqual(check === undefined ? [] : [check]);
      if (check === undefined || listed === undefined) return;
      const outcome = outcomes.get(check) as CheckOutcome;
      const items = evidenceOf(outcome)[listed];
      expect(Array.isArray(items) && items.length > 0, `${check} evidence.${listed}`).toBe(true);
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

describe("seed 001's AssemblyScript example, copied verbatim", () => {
  const ctx = () => contextFor(loadBundled('bifrost-v2-seed-001-as'));

  it('is named a bump arena by alloc.free-reclaims, with calls-until-OOM bounded from the probe since its hooks trap', async () => {
    const outcome = await freeReclaims.run(ctx());
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('bump arena that never frees');
    const evidence = evidenceOf(outcome);
    expect(evidence['bytesPerRound']).toBe(256);
    expect(evidence['distinctBlocks']).toBe(32);
    const perCall = evidence['bytesPerCallAtLeast'] as number;
    const top = evidence['arenaTop'] as number;
    expect(perCall).toBeGreaterThan(0);
    expect(evidence['callsUntilOom']).toBe(Math.floor((WASM32_MAX_PAGES * PAGE_BYTES - top) / perCall));
    expect(evidence['callsUntilEndOfMemory']).toBeLessThan(evidence['callsUntilOom'] as number);
    expect(outcome.message).toContain(`after at most ${evidence['callsUntilOom'] as number}`);
  });

  it("hands out blocks over the module's own static data (alloc.no-overlap), which is why its hooks trap", async () => {
    const outcome = await noOverlap.run(ctx());
    expect(outcome.status).toBe('failed');
    const offending = evidenceOf(outcome)['offending'] as { kind: string; ptr: number; len: number; data: { ptr: number; len: number } }[];
    expect(offending.length).toBeGreaterThan(0);
    for (const f of offending) {
      expect(f.kind).toBe('overlaps-static');
      expect(f.ptr < f.data.ptr + f.data.len && f.data.ptr < f.ptr + f.len).toBe(true);
    }
  });

  it('hands out address 0 first (alloc.non-null) and unaligned blocks after it (alloc.aligned)', async () => {
    const nonNullOutcome = await nonNull.run(ctx());
    expect(nonNullOutcome.status).toBe('failed');
    expect(evidenceOf(nonNullOutcome)['offending']).toEqual([{ kind: 'null', requested: 1, label: 'malloc(1), block 1 of 5 held live' }]);
    const alignedOutcome = await aligned.run(ctx());
    expect(alignedOutcome.status).toBe('failed');
    expect((evidenceOf(alignedOutcome)['offending'] as { ptr: number }[]).map((f) => f.ptr)).toEqual([1, 25]);
  });
});

describe('alloc.free-size', () => {
  it('lists every answer freed with a size its allocator never reserved', async () => {
    const outcome = await freeSize.run(contextFor(loadBundled('bifrost-v2-alloc-free-size')));
    expect(outcome.status).toBe('failed');
    const offending = evidenceOf(outcome)['offending'] as { kind: string; len: number; reserved: number; label: string }[];
    expect(offending.map((f) => f.label)).toEqual(['http_pre_hook', 'http_post_hook', 'http_stream_chunk_hook', 'pre_hook', 'post_hook'].map((h) => `${h} seed-example`));
    for (const f of offending) {
      expect(f).toMatchObject({ kind: 'free-size-mismatch', reserved: 256 });
      expect(f.len).toBeLessThan(256);
    }
    expect(outcome.message).toContain('from a 256-byte block, so the host calls free(');
  });

  it('passes a one-argument free and skips, rather than passes, answers it cannot see the reservation of', async () => {
    expect((await freeSize.run(contextFor(loadBundled('bifrost-v2-good-wat')))).message).toContain('takes only the pointer');
    const outcome = await freeSize.run(contextFor(loadBundled('bifrost-v2-good-c')));
    expect(outcome.status).toBe('skipped');
    expect(outcome.message).toContain('none of the 5 output blocks the host freed came from the exported allocator');
  });
});
