/**
 * `plugcheck bench` tells a fast plugin from a slow one and an identical pair apart from neither,
 * on bifrost-v2-bench-fast and bifrost-v2-bench-slow (same answers; the slow one copies and
 * re-validates its input 20 times): ranked by instruction count exactly and by time with a clear
 * margin, and an identical pair — the same file twice, and the same code in two files — is never
 * called different, over repeated interleaved runs on a loaded machine. Instruction counts are the
 * same for fresh targets. Time budgets are tiny (10 ms per task per round, 6 A/B rounds): the verdicts must hold
 * even then.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBench } from '../../src/bench/bench-runner.js';
import type { BenchReport } from '../../src/bench/bench-report.js';
import { BifrostBenchTarget } from '../../src/bench/bifrost-bench-target.js';
import { loadPlugin } from '../../src/engine/load-plugin.js';
import { bifrostV2 } from '../../src/profiles/bifrost-v2/index.js';

const DIR = join(__dirname, '..', '..', '..', 'plugins-under-test');
const target = async (name: string) => {
  const plugin = await loadPlugin(join(DIR, `${name}.wasm`));
  return BifrostBenchTarget.create(plugin, bifrostV2, bifrostV2.detectDialect(plugin.module));
};
const OPTIONS = { hooks: ['pre_hook'], timeMs: 10, rounds: 2, abRounds: 6 } as const;

describe('fast against slow', () => {
  let report: BenchReport;
  beforeAll(async () => {
    report = await runBench(await target('bifrost-v2-bench-slow'), await target('bifrost-v2-bench-fast'), { ...OPTIONS, sizes: [100, 1024], failOnRegressionPct: 5 });
  });

  it('ranks the slow plugin behind by instruction count, exactly (21 hook runs against one)', () => {
    const rows = report.comparison?.rows ?? [];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.instructions.verdict).toBe('slower');
      expect(row.instructions.ratio).toBeGreaterThan(20);
      expect(row.instructions.ratio).toBeLessThan(22);
    }
  });

  it('ranks it behind by time, with the whole interval above 2×', () => {
    for (const row of report.comparison?.rows ?? []) {
      expect(row.time.verdict).toBe('slower');
      expect(row.time.ciLow).toBeGreaterThan(2);
    }
    const [slow, fast] = report.plugins;
    for (const [i, size] of (slow?.hooks[0]?.sizes ?? []).entries()) {
      const other = fast?.hooks[0]?.sizes[i];
      expect(size.call.p50Us).toBeGreaterThan(2 * (other?.call.p50Us ?? Number.POSITIVE_INFINITY));
      expect(size.phases.find((p) => p.phase === 'execute')?.instructions).toBeGreaterThan(20 * (other?.phases.find((p) => p.phase === 'execute')?.instructions ?? 0));
    }
  });

  it('fails the 5 % regression gate on both instructions and time', () => {
    const gate = report.comparison?.gate;
    expect(gate?.passed).toBe(false);
    expect(gate?.failures.filter((f) => f.includes('instructions per call'))).toHaveLength(2);
    expect(gate?.failures.filter((f) => f.includes('entirely above'))).toHaveLength(2);
  });
});

describe('an identical pair', () => {
  const pairs = [
    ['the same file twice', 'bifrost-v2-bench-fast', 'bifrost-v2-bench-fast'],
    ['the same code in two files', 'bifrost-v2-bench-fast', 'bifrost-v2-good-as'],
  ] as const;
  for (const [what, a, b] of pairs) {
    it(`is never called different: ${what}, three interleaved runs at 100 B and 1 KiB`, async () => {
      // Metered once; every run prepares fresh instances of both.
      const [subject, baseline] = [await target(a), await target(b)];
      for (let run = 0; run < 3; run++) {
        // One phase-split round: only the A/B rounds matter here.
        const report = await runBench(subject, baseline, { ...OPTIONS, rounds: 1, sizes: [100, 1024], failOnRegressionPct: 5 });
        const rows = report.comparison?.rows ?? [];
        expect(rows).toHaveLength(2);
        for (const row of rows) {
          expect(row.instructions.ratio).toBe(1);
          expect(row.time.verdict, `run ${run} ${row.requestedBytes} B: ${row.time.ratio} [${row.time.ciLow}, ${row.time.ciHigh}]`).toBe('no-detectable-difference');
        }
        expect(report.comparison?.verdict).toBe('no-detectable-difference');
        expect(report.comparison?.gate?.passed).toBe(true);
      }
    });
  }
});

describe('instruction counts', () => {
  it('are the same for every phase on fresh targets, and differ only in guest phases', async () => {
    const counts = async () => {
      const prepared = await (await target('bifrost-v2-good-as')).prepare('pre_hook', 1024);
      return prepared.instructions;
    };
    const [first, second] = [await counts(), await counts()];
    expect(second).toEqual(first);
    expect(first.total).toBe(first.phases['copy-in'] + first.phases.execute + first.phases['copy-out']);
    expect(first.phases.stringify).toBe(0);
    expect(first.phases.parse).toBe(0);
    expect(first.phases.execute).toBeGreaterThan(first.phases['copy-in']);
  });
});
