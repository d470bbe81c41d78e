/**
 * The benchmarks `npm run bench` runs, in order. Each measures against the raw floor in the same
 * process (see compare-with-floor.ts). Add a benchmark by adding one entry here.
 */
import { runFuzzThroughput } from './fuzz-throughput.bench.js';
import { runHostVsFloor } from './host-vs-floor.bench.js';
import { runMemoryAudit } from './memory-audit.bench.js';
import { runMeteringCost } from './metering-cost.bench.js';
import { runPhaseSplit } from './phase-split.bench.js';

/** One benchmark. */
export interface BenchDefinition {
  readonly id: string;
  readonly run: () => Promise<void>;
}

/** Every benchmark, in run order. */
export const BENCHES: readonly BenchDefinition[] = [{ id: 'host-vs-floor', run: runHostVsFloor }, { id: 'metering-cost', run: runMeteringCost }, { id: 'fuzz-throughput', run: runFuzzThroughput }, { id: 'memory-audit', run: runMemoryAudit }, { id: 'phase-split', run: runPhaseSplit }];
