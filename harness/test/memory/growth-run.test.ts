/**
 * The growth run on real plugins: `__collect` is called before each sample where an AssemblyScript
 * plugin exports its runtime, and it matters (the minimal runtime collects only when asked), and the
 * number of calls follows the run options (`--growth-calls`).
 */
import { describe, expect, it } from 'vitest';
import leakPerCall from '../../src/checks/memory/leak-per-call.js';
import { CheckContext } from '../../src/engine/check-context.js';
import { DEFAULT_GROWTH_CALLS, runGrowth } from '../../src/memory/growth-run.js';
import type { GrowthRun } from '../../src/memory/growth-run.js';
import { bifrostV2 } from '../../src/profiles/bifrost-v2/index.js';
import { contextFor, loadBundled } from '../support/plugins.js';

const okRun = (run: GrowthRun): Extract<GrowthRun, { ok: true }> => {
  if (!run.ok) throw new Error(`growth run stopped at call ${run.call}: ${run.reason}`);
  return run;
};

describe('__collect before each sample', () => {
  const plugin = loadBundled('bifrost-v2-gc-garbage-as');

  it('exports its runtime, and the garbage it makes every call is collected, not counted as a leak', () => {
    const collected = okRun(runGrowth(contextFor(plugin), bifrostV2));
    expect(collected.collected).toBe(true);
    expect(collected.reused.analysis.liveBytesPerCall).toBe(0);
    const raw = okRun(runGrowth(contextFor(plugin), bifrostV2, { collect: false }));
    expect(raw.collected).toBe(false);
    // Without the collection the garbage stays where the host's blocks would go: kilobytes per call.
    expect(raw.reused.analysis.liveBytesPerCall).toBeGreaterThan(1024);
    const last = (run: typeof raw) => run.reused.samples[run.reused.samples.length - 1]?.liveBytes ?? 0;
    expect(last(raw)).toBeGreaterThan(100 * last(collected));
  });

  it('so the plugin passes memory.leak-per-call with collection on', async () => {
    const outcome = await leakPerCall.run(contextFor(plugin));
    expect(outcome.status, outcome.message).toBe('passed');
    expect('evidence' in outcome ? outcome.evidence?.['collectedBeforeEachSample'] : undefined).toBe(true);
  });

  it('does not pretend to collect a plugin that exports no runtime', () => {
    expect(okRun(runGrowth(contextFor(loadBundled('bifrost-v2-good-as')), bifrostV2)).collected).toBe(false);
  });
});

describe('growth calls', () => {
  it('default to DEFAULT_GROWTH_CALLS and follow the run option the CLI sets', async () => {
    const plugin = loadBundled('bifrost-v2-memory-leak-block');
    expect(okRun(runGrowth(contextFor(plugin), bifrostV2)).reused.samples).toHaveLength(DEFAULT_GROWTH_CALLS);
    const ctx = new CheckContext({ bytes: plugin.bytes, module: plugin.info, profile: bifrostV2, dialect: bifrostV2.detectDialect(plugin.info), options: { seed: 1, growthCalls: 40 } });
    const outcome = await leakPerCall.run(ctx);
    expect(outcome.status).toBe('failed');
    const evidence = 'evidence' in outcome ? (outcome.evidence ?? {}) : {};
    expect(evidence['reused']).toHaveLength(40);
    expect(evidence['warmUpCalls']).toBe(5);
    // 40 calls still measure the 1 KiB leak within 10 %.
    expect(Math.abs((evidence['liveBytesPerCall'] as number) - 1024) / 1024).toBeLessThan(0.1);
  });
});
