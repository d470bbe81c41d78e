/**
 * The shared heartbeat between a plugin worker and its watchdog on the main thread.
 *
 * The worker marks the start and end of every guest call and instantiation in a
 * `SharedArrayBuffer`; the watchdog reads it on a timer and terminates a worker whose phase has
 * run past its deadline. No message is posted per call: a `postMessage` costs more than the call.
 */

/** What the worker is doing right now. */
export type HeartbeatPhase = 'idle' | 'call' | 'instantiate';

const PHASES: readonly HeartbeatPhase[] = ['idle', 'call', 'instantiate'];
const CALL = PHASES.indexOf('call');
const INSTANTIATE = PHASES.indexOf('instantiate');

/**
 * Which guest function of a call is running: the export itself, or the plugin's allocator on
 * either side of it. A timed-out report names it after the label (`pre_hook fuzz malloc`).
 */
export type GuestStep = 'call' | 'malloc' | 'free';

const STEPS: readonly GuestStep[] = ['call', 'malloc', 'free'];
const STEP_INDEX: Readonly<Record<GuestStep, number>> = { call: 0, malloc: 1, free: 2 };
const LABEL_BYTES = 256;
/** Encoded labels kept per heartbeat. */
const LABEL_CACHE_SIZE = 64;
// Layout: Int32 [phase, checkIndex, timeoutMs, labelLength, step, pendingRun + 1] | Float64 [startedAt] | label bytes.
const INT_SLOTS = 6;
const STEP_SLOT = 4;
const PENDING_RUN_SLOT = 5;
const FLOAT_OFFSET = INT_SLOTS * 4;
const LABEL_OFFSET = FLOAT_OFFSET + 8;
/** The largest time limit a heartbeat holds (it is an Int32 slot): about 24.8 days. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** Size in bytes of a heartbeat buffer. */
export const HEARTBEAT_BYTES = LABEL_OFFSET + LABEL_BYTES;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What the watchdog sees when it reads the heartbeat. */
export interface HeartbeatSnapshot {
  readonly phase: HeartbeatPhase;
  readonly checkIndex: number;
  readonly timeoutMs: number;
  readonly startedAt: number;
  /**
   * The fuzz case the running check is on, by its index in the run's generated sequence, when it
   * noted one (see {@link Heartbeat.notePendingRun}); undefined otherwise.
   */
  readonly pendingRun?: number;
  /** The call's label, followed by the allocator step when that is what runs (`pre_hook fuzz free`). */
  readonly label: string;
}

/** A view over a heartbeat buffer, used from both sides. */
export class Heartbeat {
  readonly buffer: SharedArrayBuffer;
  readonly #ints: Int32Array;
  readonly #start: Float64Array;
  readonly #label: Uint8Array;
  // The label last written: hot loops call with the same label thousands of times, and encoding
  // it anew each time cost a measurable share of a small call.
  #lastLabel: string | undefined;
  // Labels encoded before: a check alternates between a few (one per hook and fixture, `init`), so
  // copying their bytes beats encoding them again. Cleared when full, so per-case labels cannot grow it.
  readonly #encoded = new Map<string, Uint8Array>();
  // The time limit last written, for the same reason as the label.
  #lastTimeoutMs: number | undefined;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(HEARTBEAT_BYTES)) {
    this.buffer = buffer;
    this.#ints = new Int32Array(buffer, 0, INT_SLOTS);
    this.#start = new Float64Array(buffer, FLOAT_OFFSET, 1);
    this.#label = new Uint8Array(buffer, LABEL_OFFSET, LABEL_BYTES);
  }

  /** Worker side: records which check is running, so a timeout is charged to the right one. */
  setCheck(index: number): void {
    Atomics.store(this.#ints, PENDING_RUN_SLOT, 0);
    Atomics.store(this.#ints, 1, index);
  }

  /**
   * Worker side: the running fuzz check is about to send generated case number `run` (undefined:
   * no such case). One store per case where posting the case itself costs more than the call: the
   * seed and the run index regenerate it exactly if the call never returns (host/worker-runner.ts).
   * A plain store: the atomic phase store of the call's `enter` publishes it to the watchdog.
   */
  notePendingRun(run: number | undefined): void {
    this.#ints[PENDING_RUN_SLOT] = run === undefined ? 0 : run + 1;
  }

  /**
   * Worker side: a guest call or instantiation begins. The label says what was running if it
   * never returns (e.g. `pre_hook seed-example`).
   */
  enter(phase: Exclude<HeartbeatPhase, 'idle'>, timeoutMs: number, label: string, step: GuestStep = 'call'): void {
    if (label !== this.#lastLabel) {
      let bytes = this.#encoded.get(label);
      if (bytes === undefined) {
        if (this.#encoded.size >= LABEL_CACHE_SIZE) this.#encoded.clear();
        bytes = this.#label.slice(0, encoder.encodeInto(label, this.#label).written);
        this.#encoded.set(label, bytes);
      } else {
        // A byte loop, not `set`: copying into a shared buffer takes a runtime call that costs
        // more than the few dozen bytes of a label.
        const target = this.#label;
        for (let i = 0; i < bytes.length; i++) target[i] = bytes[i] as number;
      }
      Atomics.store(this.#ints, 3, bytes.length);
      this.#lastLabel = label;
    }
    if (timeoutMs !== this.#lastTimeoutMs) {
      Atomics.store(this.#ints, 2, Math.min(timeoutMs, MAX_TIMEOUT_MS));
      this.#lastTimeoutMs = timeoutMs;
    }
    Atomics.store(this.#ints, STEP_SLOT, STEP_INDEX[step]);
    this.#start[0] = Date.now();
    // The phase is stored last: once the watchdog sees it, the other fields are already in place.
    Atomics.store(this.#ints, 0, phase === 'call' ? CALL : INSTANTIATE);
  }

  /**
   * Worker side: within an entered call, another guest function of it starts (the allocator before
   * or after the export). One plain store — an atomic one fences, several times its cost, and the
   * watchdog reads this slot only to name the step, tens of milliseconds later — while the label,
   * limit and start time of the call stand.
   */
  step(step: GuestStep): void {
    this.#ints[STEP_SLOT] = STEP_INDEX[step];
  }

  /** Worker side: the guest call returned (or trapped). */
  leave(): void {
    Atomics.store(this.#ints, 0, 0);
  }

  /** Watchdog side: reads the current state. */
  read(): HeartbeatSnapshot {
    const phase = PHASES[Atomics.load(this.#ints, 0)] ?? 'idle';
    const length = Math.min(Atomics.load(this.#ints, 3), LABEL_BYTES);
    const label = decoder.decode(this.#label.slice(0, length));
    const step = STEPS[Atomics.load(this.#ints, STEP_SLOT)] ?? 'call';
    const pendingRun = Atomics.load(this.#ints, PENDING_RUN_SLOT) - 1;
    return {
      phase,
      checkIndex: Atomics.load(this.#ints, 1),
      timeoutMs: Atomics.load(this.#ints, 2),
      startedAt: this.#start[0] ?? 0,
      label: step === 'call' ? label : `${label} ${step}`,
      ...(pendingRun < 0 ? {} : { pendingRun }),
    };
  }
}
