/**
 * The short soak `npm test` runs: 20 000 fuzzed calls against the good plugin mixed with the
 * hostile modules that end by themselves, in process. `npm run soak` runs a million, plus the
 * never-returning modules through the bin.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../src/soak/run-soak.js';

describe('runSoak', () => {
  it('reports 0 harness crashes and 0 lost results over 20 000 mixed calls', async () => {
    const report = await runSoak({ calls: 20_000, hostileEvery: 20 });
    expect(report.problems).toEqual([]);
    expect(report.harnessCrashes).toBe(0);
    expect(report.lostResults).toBe(0);
    expect(report.results).toBe(20_000);
    expect(report.hostileCalls).toBe(1000);
    expect(report.callsPerSecond).toBeGreaterThan(0);
  });
});
