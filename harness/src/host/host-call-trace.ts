/**
 * The record of every host function a plugin called: which one, with what arguments, with what
 * result. Checks read it to say what a hook did; a later capability audit builds on it.
 */

/** One host call. */
export interface HostCall {
  readonly import: string;
  readonly args: readonly (number | string)[];
  readonly result?: number | string;
  readonly error?: string;
}

/** Keeps the first calls in full and counts the rest, so a call storm cannot exhaust memory. */
export class HostCallTrace {
  readonly limit: number;
  readonly calls: HostCall[] = [];
  #total = 0;

  constructor(limit = 1000) {
    this.limit = limit;
  }

  /** Number of calls seen, including those past the limit. */
  get total(): number {
    return this.#total;
  }

  /** Records a call. */
  record(call: HostCall): void {
    this.#total++;
    if (this.calls.length < this.limit) this.calls.push(call);
  }

  /** A mark to take calls since; see {@link HostCallTrace.since}. */
  mark(): number {
    return this.#total;
  }

  /** The recorded calls made after `mark`. */
  since(mark: number): readonly HostCall[] {
    return this.calls.slice(Math.min(mark, this.calls.length));
  }
}
