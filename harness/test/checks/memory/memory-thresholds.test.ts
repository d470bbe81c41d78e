/**
 * The config's memory `thresholds` replace plugcheck's own limits: `maxLeakBytesPerCall` is the
 * leak `memory.leak-per-call` allows, `maxPagesGrown` bounds the pages `memory.growth-bounded` lets
 * memory grow by over the run. Shown on the plugin that leaks 1 KiB per call, whose growth the heap
 * explains (so growth-bounded passes it by default).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPlugin } from '../../../src/engine/test-plugin.js';
import { PLUGINS_DIR, ROOT } from '../../support/plugcheck-cli.js';

const LEAK_BLOCK = join(ROOT, PLUGINS_DIR, 'bifrost-v2-memory-leak-block.wasm');
const only = ['memory.leak-per-call', 'memory.growth-bounded'];
const statuses = (report: Awaited<ReturnType<typeof testPlugin>>) => Object.fromEntries(report.results.map((r) => [r.check, r.status]));

describe('memory thresholds', () => {
  it('maxLeakBytesPerCall allows a leak up to it, and maxPagesGrown fails growth the heap explains', async () => {
    const plain = await testPlugin({ plugin: LEAK_BLOCK, only, growthCalls: 60 });
    expect(statuses(plain)).toMatchObject({ 'memory.leak-per-call': 'failed', 'memory.growth-bounded': 'passed' });

    const tolerant = await testPlugin({ plugin: LEAK_BLOCK, only, growthCalls: 60, thresholds: { maxLeakBytesPerCall: 2048, maxPagesGrown: 0 } });
    expect(statuses(tolerant)).toMatchObject({ 'memory.leak-per-call': 'passed', 'memory.growth-bounded': 'failed' });
    const leak = tolerant.results.find((r) => r.check === 'memory.leak-per-call');
    expect(leak && 'evidence' in leak ? leak.evidence?.['limit'] : undefined).toBe('at most 2048 bytes per call (thresholds.maxLeakBytesPerCall)');
    const growth = tolerant.results.find((r) => r.check === 'memory.growth-bounded');
    expect(growth?.message).toMatch(/^memory grew by [1-9]\d* pages? over 60 `\w+` calls .*thresholds\.maxPagesGrown allows 0/);

    const strict = await testPlugin({ plugin: LEAK_BLOCK, only: ['memory.leak-per-call'], growthCalls: 60, thresholds: { maxLeakBytesPerCall: 512 } });
    expect(strict.results[0]?.message).toContain('(thresholds.maxLeakBytesPerCall allows 512)');
  });
});
