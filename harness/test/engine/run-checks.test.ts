/**
 * The check loop, run in-process (no worker) over real bundled plugins.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findCheck } from '../../src/checks/index.js';
import { runChecks } from '../../src/engine/run-checks.js';
import type { CheckContext } from '../../src/engine/check-context.js';
import { Heartbeat } from '../../src/host/heartbeat.js';
import type { CheckResult, CheckStatus } from '../../src/report/check-result.js';
import { contextFor, loadBundled } from '../support/plugins.js';

afterEach(() => {
  vi.restoreAllMocks();
});

async function run(
  ctx: CheckContext,
  ids: readonly string[],
  start = 0,
  known: Record<string, CheckStatus> = {},
): Promise<{ index: number; result: CheckResult }[]> {
  const emitted: { index: number; result: CheckResult }[] = [];
  await runChecks(ctx, ids, start, known, (index, result) => emitted.push({ index, result }));
  return emitted;
}

const noMemory = loadBundled('bifrost-v2-no-memory');
const good = loadBundled('bifrost-v2-good-wat');

describe('runChecks dependency skipping', () => {
  it('skips a check whose dependency failed, naming the dependency and its status', async () => {
    const emitted = await run(contextFor(noMemory), ['abi.memory-exported', 'lifecycle.instantiate']);
    expect(emitted.map((e) => [e.result.check, e.result.status])).toEqual([
      ['abi.memory-exported', 'failed'],
      ['lifecycle.instantiate', 'skipped'],
    ]);
    expect(emitted[1]?.result.message).toBe('skipped because abi.memory-exported failed');
  });

  it('cascades: a check whose dependency was skipped is skipped too', async () => {
    const emitted = await run(contextFor(noMemory), ['abi.memory-exported', 'lifecycle.instantiate', 'lifecycle.get-name']);
    expect(emitted[2]?.result).toMatchObject({
      check: 'lifecycle.get-name',
      status: 'skipped',
      message: 'skipped because lifecycle.instantiate skipped',
    });
  });

  it('takes statuses known from an earlier worker into account', async () => {
    const emitted = await run(contextFor(good), ['lifecycle.instantiate'], 0, { 'abi.compiles': 'timed-out', 'abi.imports-provided': 'failed' });
    expect(emitted[0]?.result.status).toBe('skipped');
    expect(emitted[0]?.result.message).toBe('skipped because abi.compiles timed-out, abi.imports-provided failed');
  });

  it('runs a check whose dependencies were not selected at all', async () => {
    const emitted = await run(contextFor(good), ['lifecycle.instantiate']);
    expect(emitted[0]?.result.status).toBe('passed');
  });

  it('runs every check of a good plugin to passed', async () => {
    const ctx = contextFor(good);
    const ids = ['abi.compiles', 'abi.memory-exported', 'abi.required-exports', 'abi.export-signatures', 'abi.imports-provided', 'lifecycle.instantiate'];
    const emitted = await run(ctx, ids);
    expect(emitted.map((e) => e.result.status)).toEqual(ids.map(() => 'passed'));
  });
});

describe('runChecks bookkeeping', () => {
  it('starts at the given index and emits each result with its index and a duration', async () => {
    const ids = ['abi.compiles', 'abi.memory-exported', 'abi.required-exports'];
    const emitted = await run(contextFor(noMemory), ids, 1);
    expect(emitted.map((e) => e.index)).toEqual([1, 2]);
    expect(emitted.map((e) => e.result.check)).toEqual(ids.slice(1));
    for (const { result } of emitted) {
      expect(typeof result.durationMs).toBe('number');
      expect(result.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('tells the heartbeat which check is running', async () => {
    const heartbeat = new Heartbeat();
    const seen: number[] = [];
    const check = findCheck('abi.required-exports');
    if (check === undefined) throw new Error('no abi.required-exports');
    const original = check.run.bind(check);
    vi.spyOn(check, 'run').mockImplementation((ctx) => {
      seen.push(heartbeat.read().checkIndex);
      return original(ctx);
    });
    await run(contextFor(good, { heartbeat }), ['abi.compiles', 'abi.memory-exported', 'abi.required-exports', 'abi.export-signatures']);
    expect(seen).toEqual([2]);
    expect(heartbeat.read().checkIndex).toBe(3);
  });

  it('reports an unknown check id as errored and carries on', async () => {
    const emitted = await run(contextFor(good), ['no.such-check', 'abi.compiles']);
    expect(emitted[0]?.result).toMatchObject({ check: 'no.such-check', status: 'errored', message: 'no check with id no.such-check' });
    expect(emitted[1]?.result.status).toBe('passed');
  });

  it('turns a check that throws into errored with the stack, and skips its dependents', async () => {
    const check = findCheck('abi.compiles');
    if (check === undefined) throw new Error('no abi.compiles');
    vi.spyOn(check, 'run').mockImplementation(() => {
      throw new Error('harness exploded');
    });
    const emitted = await run(contextFor(good), ['abi.compiles', 'lifecycle.instantiate']);
    const errored = emitted[0]?.result;
    expect(errored).toMatchObject({ status: 'errored', message: 'plugcheck failed while running this check: harness exploded' });
    expect(errored?.status === 'errored' && String(errored.evidence?.['stack'])).toMatch(/harness exploded/);
    expect(emitted[1]?.result).toMatchObject({ status: 'skipped', message: 'skipped because abi.compiles errored' });
  });

  it('turns a thrown non-Error into errored too', async () => {
    const check = findCheck('abi.compiles');
    if (check === undefined) throw new Error('no abi.compiles');
    vi.spyOn(check, 'run').mockImplementation(() => {
      throw 'a string';
    });
    const emitted = await run(contextFor(good), ['abi.compiles']);
    expect(emitted[0]?.result).toMatchObject({ status: 'errored', message: 'plugcheck failed while running this check: a string' });
  });
});
