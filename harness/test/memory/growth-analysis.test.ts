import { describe, expect, it } from 'vitest';
import { analyseGrowth, callsLeft, memoryCapOf, PAGE_BYTES, warmUpLength, WASM32_MAX_PAGES } from '../../src/memory/growth-analysis.js';
import type { GrowthSample } from '../../src/memory/growth-analysis.js';
import { bifrostV2 } from '../../src/profiles/bifrost-v2/index.js';
import { midimon } from '../../src/profiles/midimon/index.js';

const BASE = 1024;
const leaking = (perCall: number, calls: number, warmUpJump = 0): GrowthSample[] =>
  Array.from({ length: calls }, (_, i) => {
    const call = i + 1;
    const liveBytes = perCall * call + (call > 3 ? warmUpJump : 0);
    return { call, pages: Math.ceil((BASE + liveBytes) / PAGE_BYTES), liveBytes, heapEnd: BASE + liveBytes };
  });

describe('memoryCapOf', () => {
  it("uses the profile's cap where its host has one", () => {
    expect(memoryCapOf(midimon)).toMatchObject({ pages: 2048, source: 'profile' });
  });

  it('falls back to wasm32\'s 4 GiB where the host sets none, and says so', () => {
    const cap = memoryCapOf(bifrostV2);
    expect(cap).toMatchObject({ pages: WASM32_MAX_PAGES, source: 'wasm32-limit' });
    expect(cap.note).toContain('sets no memory cap');
  });
});

describe('analyseGrowth', () => {
  it('sets a tenth of the calls (at least 5) apart as warm-up', () => {
    expect(warmUpLength(200)).toBe(20);
    expect(warmUpLength(20)).toBe(5);
    expect(warmUpLength(4)).toBe(2);
  });

  it('gives the leak per call and the calls until the cap, from the same slope', () => {
    const samples = leaking(1024, 200, 50_000);
    const analysis = analyseGrowth(samples, memoryCapOf(midimon));
    expect(analysis.liveBytesPerCall).toBe(1024);
    const last = samples[samples.length - 1] as GrowthSample;
    expect(analysis.callsUntilOom).toBe(Math.floor((2048 * PAGE_BYTES - last.heapEnd) / 1024));
  });

  it('reports no OOM when nothing grows', () => {
    const flat = Array.from({ length: 50 }, (_, i) => ({ call: i + 1, pages: 2, liveBytes: 300, heapEnd: 1324 }));
    expect(analyseGrowth(flat, memoryCapOf(bifrostV2))).toMatchObject({ liveBytesPerCall: 0, memoryBytesPerCall: 0, callsUntilOom: null });
  });

  it('counts pages grown without heap use toward the cap', () => {
    const grows = Array.from({ length: 50 }, (_, i) => ({ call: i + 1, pages: 2 + i, liveBytes: 300, heapEnd: 1324 }));
    const analysis = analyseGrowth(grows, memoryCapOf(midimon));
    expect(analysis.memoryBytesPerCall).toBe(PAGE_BYTES);
    expect(analysis.callsUntilOom).toBe(2048 - 51);
  });
});

describe('callsLeft', () => {
  it('counts whole calls up to the limit, none past it, and null when nothing grows', () => {
    expect(callsLeft(10_000, 1_000, 1_000)).toBe(9);
    expect(callsLeft(10_000, 1_000, 999)).toBe(9);
    expect(callsLeft(10_000, 12_000, 100)).toBe(0);
    expect(callsLeft(10_000, 1_000, 0)).toBeNull();
    expect(callsLeft(10_000, 1_000, -5)).toBeNull();
  });
});
