/**
 * The bench report: everything one `plugcheck bench` measured, in the shape the console table, the
 * JSON file (schemas/bench-report.schema.json) and the HTML report read. Versioned like the run
 * report; after the first release only optional fields are added, so a renderer written against
 * version 1 keeps working. Times are microseconds per call; sizes are bytes of the JSON input.
 */
import type { Dialect, ProfileId } from '../profiles/profile.js';

/** Bumped whenever a field changes meaning or is removed (adding an optional field does not bump it). */
export const BENCH_REPORT_SCHEMA_VERSION = 1;

/** The phases of one JSON call, in call order. Host phases run no guest code; guest phases do. */
export const BENCH_PHASES = ['stringify', 'copy-in', 'execute', 'copy-out', 'parse'] as const;

/**
 * One phase of a call: `stringify` (host `JSON.stringify` of the input), `copy-in` (guest `malloc`
 * plus writing the bytes), `execute` (the hook export itself), `copy-out` (reading the output as
 * strict UTF-8 and the guest `free` of input and output), `parse` (host `JSON.parse` of the output).
 */
export type BenchPhase = (typeof BENCH_PHASES)[number];

/** Timing statistics of one tinybench task (latency per call). */
export interface BenchStats {
  readonly meanUs: number;
  readonly p50Us: number;
  readonly p99Us: number;
  /** Relative margin of error of the mean, in percent (tinybench's `rme`). */
  readonly rme: number;
  readonly samples: number;
}

/** One phase at one size: its time, and the guest instructions it runs (0 for host-only phases). */
export interface BenchPhaseResult {
  readonly phase: BenchPhase;
  readonly stats: BenchStats;
  /** Deterministic guest instruction count of this phase per call (metered copy of the module). */
  readonly instructions: number;
}

/** Plain `@extism/extism` (createPlugin + plugin.call) beside plugcheck's Extism call, same input. */
export interface ExtismSdkComparison {
  /** The plain SDK call: stringify, `plugin.call`, `json()` parse. */
  readonly sdk: BenchStats;
  /** plugcheck's call over the plain SDK's (equal to `floorRatio`: for Extism the SDK is the floor). Goal ≤ 1.1. */
  readonly ratio: number;
}

/** Everything measured for one hook at one payload size. */
export interface BenchSizeResult {
  /** The size asked for. */
  readonly requestedBytes: number;
  /** UTF-8 bytes of the input JSON actually sent (equal to requested unless the hook's minimum is larger). */
  readonly inputBytes: number;
  /** UTF-8 bytes of the plugin's output. */
  readonly outputBytes: number;
  /** The phase split, in {@link BENCH_PHASES} order; empty when the profile's ABI hides the phases (Extism). */
  readonly phases: readonly BenchPhaseResult[];
  /** A whole call through plugcheck's host: stringify, call (copy in, execute, copy out), parse. */
  readonly call: BenchStats;
  /** The raw floor in the same run: stringify, copy, call, parse with no harness (raw-floor.ts). */
  readonly floor: BenchStats;
  /**
   * `call` over `floor`: the median over rounds of each round's median call time over its median
   * floor time. Medians, because on a shared machine preemption inflates means (docs/bench.md).
   */
  readonly floorRatio: number;
  /** Share of the phases' summed medians spent in host `JSON.stringify` + `JSON.parse` (0..1); absent without a phase split. */
  readonly jsonShare?: number;
  /** Deterministic guest instructions of one whole call (malloc + hook + frees), steady state. */
  readonly instructions: number;
  /** Per-round medians of `call` (µs). */
  readonly callRoundMediansUs: readonly number[];
  /** Per-round `call`/`floor` ratios of medians; an A/B against a saved baseline builds its interval from these. */
  readonly floorRoundRatios: readonly number[];
  /** Present for Extism plugins. */
  readonly extism?: ExtismSdkComparison;
}

/** A least-squares line `fixedUs + perKiBUs × KiB` through one series' medians (p50) across sizes. */
export interface BenchFit {
  /** Which series: a phase, the whole `call`, or the `floor`. */
  readonly series: BenchPhase | 'call' | 'floor';
  readonly fixedUs: number;
  /** Microseconds per KiB of input (1 KiB = 1024 B). */
  readonly perKiBUs: number;
  /** Coefficient of determination of the fit (1 = a perfect line); absent with fewer than 3 sizes. */
  readonly r2?: number;
}

/** One hook across payload sizes. */
export interface BenchHookResult {
  readonly hook: string;
  readonly sizes: readonly BenchSizeResult[];
  /** Fixed + per-byte fits; empty with fewer than 2 sizes. */
  readonly fits: readonly BenchFit[];
}

/** One plugin as the bench saw it. */
export interface BenchPlugin {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly profile: ProfileId;
  readonly dialect: Dialect;
}

/** Everything measured for one plugin. */
export interface BenchPluginResult {
  /** `subject` is the plugin benched; `baseline` the one it is compared with (`--baseline y.wasm`). */
  readonly role: 'subject' | 'baseline';
  readonly plugin: BenchPlugin;
  readonly hooks: readonly BenchHookResult[];
}

/** A/B verdict, from the subject's point of view. */
export type BenchVerdict = 'faster' | 'slower' | 'no-detectable-difference';

/** The subject against the baseline for one hook at one size. */
export interface BenchComparisonRow {
  readonly hook: string;
  readonly requestedBytes: number;
  readonly instructions: {
    readonly subject: number;
    readonly baseline: number;
    /** subject / baseline: exact, machine-independent. */
    readonly ratio: number;
    /** faster/slower whenever the counts differ at all; they do not move with noise. */
    readonly verdict: BenchVerdict;
  };
  readonly time: {
    /** Geometric mean of subject/baseline time over the interleaved rounds (> 1: subject slower). */
    readonly ratio: number;
    readonly ciLow: number;
    readonly ciHigh: number;
    /** Paired rounds the interval is built from. */
    readonly rounds: number;
    /** Different only when the whole interval lies beyond the minimum detectable effect. */
    readonly verdict: BenchVerdict;
  };
}

/** The regression gate of `--fail-on-regression`. */
export interface BenchGate {
  /** The threshold, in percent (5 for `5%`). */
  readonly thresholdPct: number;
  readonly passed: boolean;
  /** One line per breach: which hook and size, instruction or time, by how much. */
  readonly failures: readonly string[];
}

/** A/B comparison of the subject with a baseline plugin (interleaved, same process) or a saved baseline file. */
export interface BenchComparison {
  /** `interleaved`: both plugins in this process, alternating rounds; `baseline-file`: against a saved report, times floor-normalised. */
  readonly method: 'interleaved' | 'baseline-file';
  readonly baseline: { readonly path: string; readonly sha256: string; readonly createdAt?: string };
  /** Confidence level of the interval, e.g. 0.99. */
  readonly confidence: number;
  /** Smallest time ratio change (e.g. 0.05 for 5 %) ever called a difference. */
  readonly minDetectableEffect: number;
  /** How the interval is built, in words (docs/bench.md §A/B). */
  readonly intervalMethod: string;
  readonly rows: readonly BenchComparisonRow[];
  /** Worst row: `slower` if any row is slower, else `faster` if any is faster, else no difference (time verdicts). */
  readonly verdict: BenchVerdict;
  readonly gate?: BenchGate;
}

/** The whole bench report. */
export interface BenchReport {
  readonly schemaVersion: typeof BENCH_REPORT_SCHEMA_VERSION;
  readonly kind: 'plugcheck-bench';
  readonly tool: { readonly name: 'plugcheck'; readonly version: string; readonly node: string };
  /** ISO 8601 time the run started. */
  readonly createdAt: string;
  readonly machine: { readonly platform: string; readonly arch: string; readonly cpus: number; readonly cpuModel: string };
  readonly options: {
    readonly hooks: readonly string[];
    readonly sizes: readonly number[];
    /** Time budget per task per round, ms. */
    readonly timeMs: number;
    readonly rounds: number;
  };
  /** The subject first, then the baseline plugin when there is one. */
  readonly plugins: readonly BenchPluginResult[];
  readonly comparison?: BenchComparison;
  readonly durationMs: number;
}
