/**
 * limits.time: the slowest call is reported against the real host's limit; a call slower than the
 * judged limit fails (a small `timeLimitMs` makes a busy loop of a few hundred ms exceed it, fast);
 * a call that never returns is cut off by the watchdog and the check is timed-out; an Extism
 * manifest's `timeout_ms` is the limit and the watchdog's. Start functions and `_initialize` that
 * never return are cut off in every family.
 */
import { describe, expect, it } from 'vitest';
import { testPlugin } from '../../../src/engine/test-plugin.js';
import type { ReportedResult } from '../../../src/report/run-report.js';
import { bundledPluginsDir } from '../../../src/config/bundled-plugins.js';
import { join } from 'node:path';
import { evidenceOf, runLimit } from './limit-context.js';

const LIMIT_MS = 300;
const plugin = (name: string) => join(bundledPluginsDir(), `${name}.wasm`);
const hostile = (name: string) => join(bundledPluginsDir(), 'hostile', `${name}.wasm`);

async function resultOf(path: string, check: string, options: Parameters<typeof testPlugin>[0] extends infer O ? Omit<O, 'plugin'> : never = {}): Promise<ReportedResult> {
  const report = await testPlugin({ plugin: path, only: [check], ...options });
  const result = report.results.find((r) => r.check === check);
  if (result === undefined) throw new Error(`${check} did not run on ${path}`);
  return result;
}

describe('limits.time judged on calls that return', () => {
  it('reports the slowest call against the real host\'s limit', async () => {
    const midimon = await runLimit('limits.time', 'midimon-good-wat', 'midimon');
    expect(midimon.status).toBe('passed');
    expect(midimon.message).toMatch(/^slowest call `(init|execute [^`]+)` took [\d.]+ ms of the 5000 ms limit \(real host\) over 3 calls$/);
    const ft = await runLimit('limits.time', 'frankenterm-good-config', 'frankenterm');
    expect(evidenceOf(ft)).toMatchObject({ limitMs: 10_000, limitSource: 'real host', calls: [{ call: 'configure' }] });
    const extism = await runLimit('limits.time', 'extism-datasource-good', 'extism-datasource');
    expect(evidenceOf(extism)).toMatchObject({ limitMs: 5000, limitSource: 'plugcheck default', instances: 'one per plugin' });
    expect((evidenceOf(extism)['calls'] as { call: string }[]).map((c) => c.call)).toEqual(['plugin_info', 'plugin_configure', 'start_stream', 'stop_stream']);
  });

  it('fails a busy loop longer than a configured limit, naming the call and its time', async () => {
    const outcome = await runLimit('limits.time', 'limits-frankenterm-fuel-hog', 'frankenterm', { timeLimitMs: 20 });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/^`configure` took [\d.]+ ms, over the 20 ms the host allows a call \(option\)/);
    const slowest = evidenceOf(outcome)['slowest'] as { call: string; durationMs: number };
    expect(slowest.call).toBe('configure');
    expect(slowest.durationMs).toBeGreaterThan(20);
  });

  it('takes an Extism manifest\'s timeout_ms as the limit', async () => {
    const outcome = await runLimit('limits.time', 'limits-extism-fuel-hog', 'extism-datasource', { extismManifest: { timeout_ms: 10 } });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`plugin_configure` took');
    expect(evidenceOf(outcome)).toMatchObject({ limitMs: 10, limitSource: 'extism manifest' });
  });
});

describe('limits.time on calls that never return (through the watchdog)', () => {
  it('is timed-out within its limit plus one second, naming the call', async () => {
    const result = await resultOf(plugin('frankenterm-config-loops'), 'limits.time', { callTimeoutMs: LIMIT_MS });
    expect(result.status).toBe('timed-out');
    expect(result.message).toContain(`call \`configure\` did not return within ${LIMIT_MS} ms`);
    expect(result.durationMs).toBeLessThanOrEqual(LIMIT_MS + 1000);
  });

  it('cuts an Extism call off at the manifest\'s timeout_ms, as the host cancels it', async () => {
    const result = await resultOf(plugin('limits-extism-fuel-hog'), 'limits.time', { extismManifest: { timeout_ms: 100 } });
    expect(result.status).toBe('timed-out');
    expect(result.message).toContain('did not return within 100 ms');
  });
});

describe('start functions and _initialize that never return are cut off in every family', () => {
  const cases = [
    ['bifrost', plugin('bifrost-v2-start-loops')],
    ['midimon', hostile('hostile-midimon-initialize-loop')],
    ['frankenterm', hostile('hostile-frankenterm-start-loop')],
    ['extism', plugin('extism-start-loops')],
  ] as const;
  for (const [family, path] of cases) {
    it(family, async () => {
      const result = await resultOf(path, 'lifecycle.instantiate', { instantiateTimeoutMs: LIMIT_MS });
      expect(result.status).toBe('timed-out');
      expect(result.message).toContain(`instantiation did not return within ${LIMIT_MS} ms`);
      expect(result.durationMs).toBeLessThanOrEqual(LIMIT_MS + 1000);
    });
  }
});
