/**
 * What midimon's never-freeing host costs, measured on the good midimon plugins and carried as
 * evidence by midimon's `alloc.aligned`: bytes from `alloc` per `execute`, pages after one call
 * against the 128 MiB cap, and the calls a reused instance would survive, from the same slope.
 */
import { describe, expect, it } from 'vitest';
import midimonAligned from '../../src/checks/memory/midimon-aligned.js';
import { memoryCapOf, PAGE_BYTES } from '../../src/memory/growth-analysis.js';
import { measureNeverFreedCost, NEVER_FREED_CALLS } from '../../src/memory/never-freed-cost.js';
import type { NeverFreedCost } from '../../src/memory/never-freed-cost.js';
import { HOST_CONTEXT, requestJson } from '../../src/profiles/midimon/fixtures.js';
import { midimon } from '../../src/profiles/midimon/index.js';
import { contextFor, loadBundled } from '../support/plugins.js';

const okCost = (cost: NeverFreedCost): Extract<NeverFreedCost, { ok: true }> => {
  if (!cost.ok) throw new Error(cost.reason);
  return cost;
};

describe('measureNeverFreedCost', () => {
  for (const name of ['midimon-good-wat', 'midimon-good-c']) {
    it(`${name}: every request block stays taken, and calls-until-OOM follows from that slope and the cap`, () => {
      const cost = okCost(measureNeverFreedCost(contextFor(loadBundled(name), { profile: midimon }), midimon, midimon.defaultAction, []));
      const requestBytes = Buffer.byteLength(requestJson(midimon.defaultAction, HOST_CONTEXT), 'utf8');
      expect(cost.allocBytesPerCall).toBe(requestBytes);
      expect(cost.capPages).toBe(memoryCapOf(midimon).pages);
      expect(cost.pagesAfterOneCall).toBeGreaterThanOrEqual(1);
      const { analysis, samples, calls } = cost.reused;
      expect(calls).toBe(NEVER_FREED_CALLS);
      expect(samples).toHaveLength(NEVER_FREED_CALLS);
      expect(samples[0]).toEqual({ call: 1, pages: cost.pagesAfterOneCall, liveBytes: requestBytes });
      // Nothing is freed: the heap grows by at least the request (plus alignment and the plugin's own blocks) per call.
      expect(analysis.liveBytesPerCall).toBeGreaterThanOrEqual(requestBytes);
      expect(analysis.liveBytesPerCall).toBeLessThan(requestBytes + 64);
      const lastLive = samples[samples.length - 1]?.liveBytes ?? 0;
      const capBytes = cost.capPages * PAGE_BYTES;
      // The heap starts somewhere below 64 KiB, so its end is its extent plus less than a page.
      expect(analysis.callsUntilOom).toBeLessThanOrEqual(Math.floor((capBytes - lastLive) / analysis.liveBytesPerCall));
      expect(analysis.callsUntilOom).toBeGreaterThan(Math.floor((capBytes - lastLive - 2 * PAGE_BYTES) / analysis.liveBytesPerCall));
    });
  }
});

describe("midimon's alloc.aligned carries the cost as evidence, and never fails for it", () => {
  it('passes the good plugin with the figures in its message and evidence', async () => {
    const outcome = await midimonAligned.run(contextFor(loadBundled('midimon-good-wat'), { profile: midimon }));
    expect(outcome.status).toBe('passed');
    expect(outcome.message).toMatch(/The host never frees: each `execute` takes \d+ bytes from `alloc` and a fresh instance ends the call at \d+ of the cap's 2048 pages/);
    const cost = okCost(('evidence' in outcome ? outcome.evidence?.['neverFreed'] : undefined) as NeverFreedCost);
    expect(cost.reused.analysis.callsUntilOom).toBeGreaterThan(1_000_000);
  });
});
