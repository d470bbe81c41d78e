/**
 * The statistics behind `plugcheck bench`: the paired and Welch ratio intervals and their verdicts
 * (never a difference inside the minimum detectable effect), the regression gate (exact on
 * instructions, on time only beyond the interval), the least-squares fit, pooled sample stats and
 * the size/percent option parsers.
 */
import { describe, expect, it } from 'vitest';
import type { BenchComparisonRow } from '../../src/bench/bench-report.js';
import { quantile, statsOfSamples } from '../../src/bench/bench-stats.js';
import { regressionGate } from '../../src/bench/compare-plugins.js';
import { linearFit } from '../../src/bench/linear-fit.js';
import { instructionVerdict, MIN_DETECTABLE_EFFECT, pairedRatio, timeVerdict, welchRatio } from '../../src/bench/time-ratio.js';
import { parsePercent, parseSize } from '../../src/cli/commands/bench.js';

// Deterministic noise: a fixed pseudo-random sequence, so these tests never flake.
function noise(seed: number, n: number, spread: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 1 + spread * ((x / 2 ** 31) * 2 - 1);
  });
}

describe('pairedRatio and timeVerdict', () => {
  it('calls identical per-round times no difference, whatever the drift between rounds', () => {
    const drift = noise(1, 10, 0.4).map((d) => d * 10);
    const r = pairedRatio(drift, drift);
    expect(r.ratio).toBe(1);
    expect(timeVerdict(r)).toBe('no-detectable-difference');
  });

  it('never calls a 3 % difference a difference, however tight the interval (minimum detectable effect 5 %)', () => {
    const base = noise(2, 10, 0.01);
    const r = pairedRatio(base.map((b) => b * 1.03), base);
    expect(r.ciLow).toBeGreaterThan(1);
    expect(timeVerdict(r)).toBe('no-detectable-difference');
    expect(MIN_DETECTABLE_EFFECT).toBe(0.05);
  });

  it('calls a clear 2× slowdown slower and a 2× speed-up faster', () => {
    const base = noise(3, 10, 0.05);
    const slower = pairedRatio(base.map((b, i) => b * 2 * (noise(4, 10, 0.05)[i] as number)), base);
    expect(slower.ratio).toBeGreaterThan(1.8);
    expect(timeVerdict(slower)).toBe('slower');
    expect(timeVerdict(pairedRatio(base.map((b) => b / 2), base))).toBe('faster');
  });

  it('calls nothing from noisy rounds whose interval spans 1', () => {
    const r = pairedRatio(noise(5, 6, 0.5), noise(6, 6, 0.5));
    expect(r.ciLow).toBeLessThan(1);
    expect(r.ciHigh).toBeGreaterThan(1);
    expect(timeVerdict(r)).toBe('no-detectable-difference');
  });

  it('has no interval from a single round', () => {
    const r = pairedRatio([2], [1]);
    expect(r.ciLow).toBe(0);
    expect(timeVerdict(r)).toBe('no-detectable-difference');
  });
});

describe('welchRatio (against a saved baseline)', () => {
  it('finds a clear difference between independent samples and none between equal ones', () => {
    expect(timeVerdict(welchRatio(noise(7, 5, 0.02).map((x) => x * 1.5), noise(8, 5, 0.02)))).toBe('slower');
    expect(timeVerdict(welchRatio(noise(9, 5, 0.02), noise(10, 5, 0.02)))).toBe('no-detectable-difference');
  });
});

describe('instructionVerdict and regressionGate', () => {
  const row = (subject: number, baseline: number, ciLow: number, ciHigh: number): BenchComparisonRow => ({
    hook: 'pre_hook',
    requestedBytes: 1024,
    instructions: { subject, baseline, ratio: subject / baseline, verdict: instructionVerdict(subject, baseline) },
    time: { ratio: (ciLow + ciHigh) / 2, ciLow, ciHigh, rounds: 10, verdict: timeVerdict({ ratio: 1, ciLow, ciHigh }) },
  });

  it('reads any instruction difference as a verdict', () => {
    expect(instructionVerdict(101, 100)).toBe('slower');
    expect(instructionVerdict(99, 100)).toBe('faster');
    expect(instructionVerdict(100, 100)).toBe('no-detectable-difference');
  });

  it('gates exactly on instructions: 5 % passes a 5 % threshold, one instruction more fails it', () => {
    expect(regressionGate([row(105, 100, 0.9, 1.1)], 5).passed).toBe(true);
    const failed = regressionGate([row(10_501, 10_000, 0.9, 1.1)], 5);
    expect(failed.passed).toBe(false);
    expect(failed.failures[0]).toMatch(/10501 instructions per call, 5\.01 % above the baseline's 10000/);
  });

  it('gates on time only when the whole interval lies above the threshold', () => {
    expect(regressionGate([row(100, 100, 1.04, 1.3)], 5).passed).toBe(true);
    const slow = regressionGate([row(100, 100, 1.06, 1.3)], 5);
    expect(slow.passed).toBe(false);
    expect(slow.failures[0]).toMatch(/interval \[1\.060, 1\.300\] entirely above 1\.050×/);
  });

  it('never gates time below the minimum detectable effect, even with a 1 % threshold', () => {
    expect(regressionGate([row(100, 100, 1.03, 1.04)], 1).passed).toBe(true);
    expect(regressionGate([row(100, 100, 1.03, 1.04)], 1).failures).toEqual([]);
  });
});

describe('linearFit', () => {
  it('recovers fixed and per-KiB costs of an exact line', () => {
    const fit = linearFit('call', [1, 4, 16, 64].map((kib) => ({ bytes: kib * 1024, us: 3 + 2.5 * kib })));
    expect(fit?.fixedUs).toBeCloseTo(3, 6);
    expect(fit?.perKiBUs).toBeCloseTo(2.5, 6);
    expect(fit?.r2).toBeCloseTo(1, 6);
  });

  it('needs two distinct sizes, and gives r² from three', () => {
    expect(linearFit('call', [{ bytes: 100, us: 1 }])).toBeUndefined();
    expect(linearFit('call', [{ bytes: 100, us: 1 }, { bytes: 200, us: 2 }])?.r2).toBeUndefined();
  });
});

describe('statsOfSamples', () => {
  it('reports µs from ms samples with true percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => (i + 1) / 1000);
    const s = statsOfSamples(samples);
    expect(s.samples).toBe(100);
    expect(s.meanUs).toBeCloseTo(50.5, 6);
    expect(s.p50Us).toBeCloseTo(50.5, 6);
    expect(s.p99Us).toBeCloseTo(quantile(samples.map((x) => x * 1000), 0.99), 6);
    expect(s.rme).toBeGreaterThan(0);
  });
});

describe('option parsers', () => {
  it('reads sizes in bytes and KiB', () => {
    expect(['100', '1k', '16K', '64KiB', '2kb', '1m'].map(parseSize)).toEqual([100, 1024, 16384, 65536, 2048, 1048576]);
    expect(() => parseSize('lots')).toThrow(/not a payload size/);
    expect(() => parseSize('0')).toThrow(/not a payload size/);
  });

  it('reads percentages with or without the sign', () => {
    expect(parsePercent('5%')).toBe(5);
    expect(parsePercent('2.5')).toBe(2.5);
    expect(() => parsePercent('-3%')).toThrow(/not a percentage/);
  });
});
