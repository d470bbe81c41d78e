/**
 * The progress line: on a terminal, a check running past the threshold is named with its elapsed
 * time on one self-overwriting line, removed before the next result line; off a terminal, nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressTicker, TICKER_AFTER_MS } from '../../src/cli/progress-ticker.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream, written };
}

describe('ProgressTicker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names a long-running check on a terminal, and clears the line when it finishes', () => {
    const { stream, written } = fakeStream(true);
    const ticker = new ProgressTicker(stream);
    ticker.start(['abi.compiles', 'fuzz.valid-inputs']);
    vi.advanceTimersByTime(TICKER_AFTER_MS - 500);
    expect(written).toEqual([]);
    ticker.done(0);
    vi.advanceTimersByTime(TICKER_AFTER_MS + 1000);
    expect(written.at(-1)).toBe('\r\u001b[K  … fuzz.valid-inputs running for 3 s');
    vi.advanceTimersByTime(2000);
    expect(written.at(-1)).toBe('\r\u001b[K  … fuzz.valid-inputs running for 5 s');
    ticker.clear();
    expect(written.at(-1)).toBe('\r\u001b[K');
    ticker.done(1);
    const count = written.length;
    vi.advanceTimersByTime(10_000);
    // No check left to name.
    expect(written.length).toBe(count);
    ticker.stop();
  });

  it('writes nothing off a terminal', () => {
    const { stream, written } = fakeStream(false);
    const ticker = new ProgressTicker(stream);
    ticker.start(['fuzz.valid-inputs']);
    vi.advanceTimersByTime(20_000);
    ticker.stop();
    expect(written).toEqual([]);
  });
});
