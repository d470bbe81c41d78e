/**
 * A BenchReport built by hand for the HTML bench report's tests: a subject and a baseline plugin,
 * one hook over three payload sizes with a phase split, fits, and an A/B comparison whose gate
 * fails. The figures are plausible, not measured; `pathOverride` lets a test put injection text
 * where a user-given path would go.
 */
import { BENCH_PHASES } from '../../src/bench/bench-report.js';
import type { BenchHookResult, BenchPluginResult, BenchReport, BenchSizeResult, BenchStats } from '../../src/bench/bench-report.js';

const stats = (meanUs: number): BenchStats => ({ meanUs, p50Us: meanUs * 0.95, p99Us: meanUs * 2, rme: 0.8, samples: 1200 });

/** The sizes the fixture covers, in bytes. */
export const FIXTURE_SIZES = [256, 4096, 65536] as const;

function size(bytes: number, slowdown: number): BenchSizeResult {
  const kib = bytes / 1024;
  // Host phases grow with the payload; the guest's execute phase is where the baseline differs.
  const phaseUs = { stringify: 0.5 + 0.9 * kib, 'copy-in': 0.2 + 0.05 * kib, execute: (3 + 0.4 * kib) * slowdown, 'copy-out': 0.3 + 0.06 * kib, parse: 0.6 + 1.1 * kib };
  const phases = BENCH_PHASES.map((phase) => ({ phase, stats: stats(phaseUs[phase]), instructions: phase === 'execute' ? Math.round((2000 + 90 * bytes) * slowdown) : phase.startsWith('copy') ? 40 : 0 }));
  const callUs = Object.values(phaseUs).reduce((a, b) => a + b, 0) * 1.03;
  const floorUs = callUs / 1.04;
  return {
    requestedBytes: bytes,
    inputBytes: bytes,
    outputBytes: bytes + 40,
    phases,
    call: stats(callUs),
    floor: stats(floorUs),
    floorRatio: callUs / floorUs,
    jsonShare: (phaseUs.stringify + phaseUs.parse) / Object.values(phaseUs).reduce((a, b) => a + b, 0),
    instructions: phases.reduce((n, p) => n + p.instructions, 0),
    callRoundMediansUs: [callUs * 0.99, callUs, callUs * 1.01],
    floorRoundRatios: [1.03, 1.04, 1.05],
  };
}

function hook(slowdown: number): BenchHookResult {
  return {
    hook: 'pre_hook',
    sizes: FIXTURE_SIZES.map((b) => size(b, slowdown)),
    fits: [
      { series: 'call', fixedUs: 4.8, perKiBUs: 2.6, r2: 0.999 },
      { series: 'execute', fixedUs: 3 * slowdown, perKiBUs: 0.4 * slowdown, r2: 0.998 },
      { series: 'floor', fixedUs: 4.6, perKiBUs: 2.5 },
    ],
  };
}

function plugin(role: 'subject' | 'baseline', path: string, slowdown: number): BenchPluginResult {
  return {
    role,
    plugin: { path, sha256: (role === 'subject' ? 'a' : 'b').repeat(64), bytes: 9005, profile: 'bifrost-v2', dialect: { allocator: 'malloc', free: 'free(ptr)', http: 'http_pre_hook' } },
    hooks: [hook(slowdown)],
  };
}

/** The fixture: subject slower than the baseline at the larger sizes, gate at 5 % failing. */
export function benchReportFixture(pathOverride?: string): BenchReport {
  const subjectPath = pathOverride ?? 'plugins-under-test/bifrost-v2-bench-slow.wasm';
  const baselinePath = 'plugins-under-test/bifrost-v2-bench-fast.wasm';
  return {
    schemaVersion: 1,
    kind: 'plugcheck-bench',
    tool: { name: 'plugcheck', version: '0.1.0', node: 'v20.19.5' },
    createdAt: '2026-11-23T15:00:00.000Z',
    machine: { platform: 'linux', arch: 'x64', cpus: 2, cpuModel: 'Example CPU @ 2.0GHz' },
    options: { hooks: ['pre_hook'], sizes: [...FIXTURE_SIZES], timeMs: 200, rounds: 3 },
    plugins: [plugin('subject', subjectPath, 1.5), plugin('baseline', baselinePath, 1)],
    comparison: {
      method: 'interleaved',
      baseline: { path: baselinePath, sha256: 'b'.repeat(64) },
      confidence: 0.99,
      minDetectableEffect: 0.05,
      intervalMethod: 'geometric mean of paired round ratios, t interval on the log ratios',
      rows: FIXTURE_SIZES.map((bytes, i) => ({
        hook: 'pre_hook',
        requestedBytes: bytes,
        instructions: { subject: 3000 + 135 * bytes, baseline: 2000 + 90 * bytes, ratio: (3000 + 135 * bytes) / (2000 + 90 * bytes), verdict: 'slower' as const },
        time: i === 0 ? { ratio: 1.02, ciLow: 0.98, ciHigh: 1.06, rounds: 3, verdict: 'no-detectable-difference' as const } : { ratio: 1.2 + i * 0.05, ciLow: 1.15, ciHigh: 1.3 + i * 0.05, rounds: 3, verdict: 'slower' as const },
      })),
      verdict: 'slower',
      gate: { thresholdPct: 5, passed: false, failures: ['pre_hook 4 KiB: time ratio 1.25 (interval 1.15–1.35) exceeds 1.05', 'pre_hook 64 KiB: instructions 1.50× the baseline'] },
    },
    durationMs: 12_345,
  };
}
