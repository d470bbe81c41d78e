/**
 * Keeps a long check from looking hung on a terminal: when no check has finished for a while, a
 * single self-overwriting line says which check is running and for how long. Only on a TTY — a
 * CI log already gets a line per check, and carriage returns would clutter it.
 */

/** How long a check runs before the ticker shows it. */
export const TICKER_AFTER_MS = 2000;
const TICK_MS = 500;

/** A progress line for the check in flight. */
export class ProgressTicker {
  readonly #stream: NodeJS.WriteStream;
  readonly #format: (line: string) => string;
  #ids: readonly string[] = [];
  #running = 0;
  #since = Date.now();
  #shown = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(stream: NodeJS.WriteStream, format: (line: string) => string = (s) => s) {
    this.#stream = stream;
    this.#format = format;
  }

  /** Starts watching a run of `ids`, in order; does nothing off a TTY. */
  start(ids: readonly string[]): void {
    if (this.#stream.isTTY !== true) return;
    this.#ids = ids;
    this.#running = 0;
    this.#since = Date.now();
    this.#timer ??= setInterval(() => this.#tick(), TICK_MS);
    this.#timer.unref();
  }

  /** Check `index` finished: the next one is now running. */
  done(index: number): void {
    this.clear();
    this.#running = index + 1;
    this.#since = Date.now();
  }

  /** Removes the progress line, so the next line prints on a clean row. */
  clear(): void {
    if (!this.#shown) return;
    this.#stream.write('\r\u001b[K');
    this.#shown = false;
  }

  /** Stops the ticker and removes its line. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.clear();
  }

  #tick(): void {
    const id = this.#ids[this.#running];
    const elapsed = Date.now() - this.#since;
    if (id === undefined || elapsed < TICKER_AFTER_MS) return;
    this.#stream.write(`\r\u001b[K${this.#format(`  … ${id} running for ${Math.floor(elapsed / 1000)} s`)}`);
    this.#shown = true;
  }
}
