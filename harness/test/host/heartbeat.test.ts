import { afterEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat, HEARTBEAT_BYTES, MAX_TIMEOUT_MS } from '../../src/host/heartbeat.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('Heartbeat', () => {
  it('starts idle with zeroed fields', () => {
    const beat = new Heartbeat();
    expect(beat.buffer.byteLength).toBe(HEARTBEAT_BYTES);
    expect(beat.read()).toEqual({ phase: 'idle', checkIndex: 0, timeoutMs: 0, startedAt: 0, label: '' });
  });

  it('shows what one view enters to a second view over the same buffer', () => {
    vi.useFakeTimers({ now: 1_700_000_000_123, toFake: ['Date'] });
    const worker = new Heartbeat();
    const watchdog = new Heartbeat(worker.buffer);
    worker.setCheck(4);
    worker.enter('call', 5000, 'pre_hook seed-example');
    expect(watchdog.read()).toEqual({
      phase: 'call',
      checkIndex: 4,
      timeoutMs: 5000,
      startedAt: 1_700_000_000_123,
      label: 'pre_hook seed-example',
    });
  });

  it('distinguishes the instantiate phase from a call', () => {
    const worker = new Heartbeat();
    const watchdog = new Heartbeat(worker.buffer);
    worker.enter('instantiate', 10_000, 'instantiate');
    expect(watchdog.read()).toMatchObject({ phase: 'instantiate', timeoutMs: 10_000, label: 'instantiate' });
  });

  it('goes back to idle on leave and keeps the last label and check for the report', () => {
    const worker = new Heartbeat();
    const watchdog = new Heartbeat(worker.buffer);
    worker.setCheck(2);
    worker.enter('call', 100, 'get_name');
    worker.leave();
    const snapshot = watchdog.read();
    expect(snapshot.phase).toBe('idle');
    expect(snapshot.label).toBe('get_name');
    expect(snapshot.checkIndex).toBe(2);
  });

  it('replaces a long label by a shorter one completely', () => {
    const worker = new Heartbeat();
    worker.enter('call', 1, 'http_stream_chunk_hook seed-example');
    worker.enter('call', 1, 'init');
    expect(new Heartbeat(worker.buffer).read().label).toBe('init');
  });

  it('names the allocator step after the label, and the call itself by the label alone', () => {
    const worker = new Heartbeat();
    const watchdog = new Heartbeat(worker.buffer);
    worker.enter('call', 100, 'pre_hook fuzz', 'malloc');
    expect(watchdog.read().label).toBe('pre_hook fuzz malloc');
    worker.step('call');
    expect(watchdog.read().label).toBe('pre_hook fuzz');
    worker.step('free');
    expect(watchdog.read()).toMatchObject({ phase: 'call', label: 'pre_hook fuzz free' });
    worker.enter('call', 100, 'init');
    expect(watchdog.read().label).toBe('init');
  });

  it('tells the fuzz case a check noted by number, until the next check starts or evidence replaces it', () => {
    const worker = new Heartbeat();
    const watchdog = new Heartbeat(worker.buffer);
    worker.setCheck(3);
    expect(watchdog.read()).not.toHaveProperty('pendingRun');
    worker.notePendingRun(0);
    expect(watchdog.read().pendingRun).toBe(0);
    worker.notePendingRun(41);
    worker.enter('call', 100, 'pre_hook fuzz');
    expect(watchdog.read()).toMatchObject({ phase: 'call', checkIndex: 3, pendingRun: 41 });
    worker.notePendingRun(undefined);
    expect(watchdog.read()).not.toHaveProperty('pendingRun');
    worker.notePendingRun(7);
    worker.setCheck(4);
    expect(watchdog.read()).not.toHaveProperty('pendingRun');
  });

  it('records a fresh start time on every enter', () => {
    vi.useFakeTimers({ now: 1000, toFake: ['Date'] });
    const beat = new Heartbeat();
    beat.enter('call', 1, 'a');
    expect(beat.read().startedAt).toBe(1000);
    vi.setSystemTime(2500);
    beat.enter('call', 1, 'b');
    expect(beat.read().startedAt).toBe(2500);
  });

  it('truncates an ASCII label to the 256 bytes the buffer holds', () => {
    const beat = new Heartbeat();
    const label = 'x'.repeat(300);
    beat.enter('call', 1, label);
    const read = new Heartbeat(beat.buffer).read().label;
    expect(read).toBe(label.slice(0, 256));
  });

  it('truncates a multi-byte label at a character boundary, never leaving half a character', () => {
    const beat = new Heartbeat();
    // '€' is 3 bytes in UTF-8: 85 of them fit in 256 bytes (255), the 86th does not.
    beat.enter('call', 1, '€'.repeat(100));
    const read = beat.read().label;
    expect(read).toBe('€'.repeat(85));
    expect(read).not.toContain('\uFFFD');
  });

  it('setCheck alone changes only the check index', () => {
    const worker = new Heartbeat();
    worker.enter('call', 42, 'label');
    worker.setCheck(7);
    expect(new Heartbeat(worker.buffer).read()).toMatchObject({ phase: 'call', checkIndex: 7, timeoutMs: 42, label: 'label' });
    worker.setCheck(0);
    expect(worker.read().checkIndex).toBe(0);
  });

  it('reads an unknown phase value as idle rather than throwing', () => {
    const beat = new Heartbeat();
    new Int32Array(beat.buffer, 0, 1)[0] = 99;
    expect(beat.read().phase).toBe('idle');
  });

  it('clamps a corrupt label length to the label area', () => {
    const beat = new Heartbeat();
    beat.enter('call', 1, 'y'.repeat(256));
    new Int32Array(beat.buffer, 0, 4)[3] = 10_000;
    expect(beat.read().label).toBe('y'.repeat(256));
  });

  // The limit lives in an Int32 slot: a larger one is held at the maximum rather than wrapping
  // negative (which would time out every call at once). The CLI rejects such limits anyway.
  it('holds a timeout above 2^31-1 ms at MAX_TIMEOUT_MS instead of wrapping', () => {
    const beat = new Heartbeat();
    beat.enter('call', 3_000_000_000, 'slow');
    expect(beat.read().timeoutMs).toBe(MAX_TIMEOUT_MS);
  });
});
