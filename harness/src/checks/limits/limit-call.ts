/**
 * One call the limits checks make on a plugin, as the real host would make it, on the plugin or on
 * a rewrite of it (memory capped, metered): how long it took, the pages its instance ended with,
 * the fuel left in the instance afterwards, and how it ended, in words. Every family's runner
 * (midimon, FrankenTerm, Extism) reports its calls in this shape, so the three limits checks judge
 * them the same way.
 */

/** One call under limits. */
export interface LimitCall {
  /** Names the call: `execute my_action (seed)`, `configure`, `start_stream (the stream key)`. */
  readonly label: string;
  /** `instantiate` for loading a reused instance (Extism); `call` otherwise, instantiation included for fresh-instance hosts. */
  readonly phase: 'instantiate' | 'call';
  /** Wall time, ms (instantiation included where the host makes a fresh instance per call). */
  readonly durationMs: number;
  /** Pages of the plugin's own memory when the call ended (0 without an instance or a memory). */
  readonly pages: number;
  /** The fuel global's value after the call, on a metered module; undefined otherwise. */
  readonly fuelLeft: bigint | undefined;
  /** How the call ended: `returned`, `status 0`, `trap (unreachable) in execute`… */
  readonly outcome: string;
  /** True when it ended in a trap or fault rather than an answer. */
  readonly trapped: boolean;
}

/** How much of a budget a call burnt: the budget whole when it ran out (the fuel went negative). */
export function fuelBurnt(call: LimitCall, budget: bigint): { readonly used: bigint; readonly exhausted: boolean } | undefined {
  if (call.fuelLeft === undefined) return undefined;
  return call.fuelLeft < 0n ? { used: budget, exhausted: true } : { used: budget - call.fuelLeft, exhausted: false };
}

/** Milliseconds since `started` (a `performance.now()`), to the microsecond. */
export function msSince(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}

/** Reads a metered instance's fuel global (undefined when the export is not a global). */
export function readFuel(value: WebAssembly.ExportValue | undefined): bigint | undefined {
  return value instanceof WebAssembly.Global ? (value.value as bigint) : undefined;
}
