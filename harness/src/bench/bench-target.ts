/**
 * What the bench runner measures, whatever the plugin system: a plugin that can prepare one hook
 * at one payload size as a set of timed tasks (the phase split, the whole call through plugcheck,
 * the floor, and for Extism the plain SDK), plus the deterministic instruction counts of that call.
 */
import type { BenchPhase, BenchPlugin } from './bench-report.js';

/** One tinybench task. `beforeEach`/`afterEach` run outside the timed window (setup and cleanup of one sample). */
export interface TimedTask {
  readonly fn: () => unknown;
  readonly beforeEach?: () => void;
  readonly afterEach?: () => void;
}

/** One hook at one payload size, ready to time. */
export interface PreparedHook {
  readonly hook: string;
  readonly requestedBytes: number;
  readonly inputBytes: number;
  readonly outputBytes: number;
  /** The phase split; absent when the plugin system hides the phases (Extism's kernel owns the copies). */
  readonly phases?: Readonly<Record<BenchPhase, TimedTask>>;
  /** A whole call through plugcheck's host: stringify, call, parse. */
  readonly call: TimedTask;
  /** The raw floor (Bifrost) or the plain `@extism/extism` call (Extism). */
  readonly floor: TimedTask;
  /** True when the floor is the plain Extism SDK (so the report carries `extism`). */
  readonly floorIsSdk: boolean;
  /** True when `call` and `floor` return promises (Extism's runtime is async). */
  readonly async: boolean;
  /** Guest instructions per phase of one steady-state call (0 for host phases) and in total. */
  readonly instructions: { readonly phases: Readonly<Record<BenchPhase, number>>; readonly total: number };
}

/** A plugin loaded for benchmarking. */
export interface BenchTarget {
  readonly plugin: BenchPlugin;
  /** The hooks a run benches when `--hook` is not given. */
  readonly defaultHooks: readonly string[];
  /** Every hook this plugin can be benched on. */
  readonly hooks: readonly string[];
  prepare(hook: string, bytes: number): Promise<PreparedHook>;
  close(): Promise<void>;
}

/** Host phases run no guest code. */
export const NO_GUEST_INSTRUCTIONS = { stringify: 0, 'copy-in': 0, execute: 0, 'copy-out': 0, parse: 0 } as const satisfies Record<BenchPhase, number>;
