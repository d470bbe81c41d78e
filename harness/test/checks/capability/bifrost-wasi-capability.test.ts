/**
 * The Bifrost capability checks: the host grants no directory and no environment, so a hook's WASI
 * file access or environment read is denied and reported with the hook, the WASI call and the
 * host's answer; start-up calls are not charged to a hook.
 */
import { describe, expect, it } from 'vitest';
import { bifrostEnvironment, bifrostFilesystem } from '../../../src/checks/capability/bifrost-wasi-capability.js';
import { isEnvironmentRead, isFileAccess, wasiOutcome } from '../../../src/checks/capability/wasi-access.js';
import { evidenceOf, limitContext } from '../limits/limit-context.js';

const run = (check: typeof bifrostFilesystem, plugin: string) => check.run(limitContext(plugin, 'bifrost-v2'));

describe('WASI access classification', () => {
  const call = (name: string, args: number[] = [], result: number = 0) => ({ import: `wasi_snapshot_preview1.${name}`, args, result });
  it('tells file access and environment reads from other WASI calls', () => {
    expect(isFileAccess(call('path_open', [3]), true)).toBe(true);
    expect(isFileAccess(call('fd_read', [3]), true)).toBe(true);
    expect(isFileAccess(call('fd_write', [1]), true)).toBe(false);
    expect(isFileAccess(call('fd_prestat_get', [3]), false)).toBe(false);
    expect(isFileAccess(call('fd_prestat_get', [3]), true)).toBe(true);
    expect(isEnvironmentRead(call('environ_sizes_get'))).toBe(true);
    expect(isEnvironmentRead(call('random_get'))).toBe(false);
    expect(isEnvironmentRead({ import: 'env.environ_get', args: [] })).toBe(false);
    expect(wasiOutcome(call('path_open', [3], 8))).toBe('errno 8 EBADF');
  });
});

describe('capability.filesystem and capability.environment (Bifrost)', () => {
  it('pass a good plugin, listing the calls they watched', async () => {
    for (const check of [bifrostFilesystem, bifrostEnvironment]) {
      const outcome = await run(check, 'bifrost-v2-good-c');
      expect(outcome.status, check.id).toBe('passed');
      expect(evidenceOf(outcome)['hooks']).toEqual(expect.arrayContaining(['instantiate', 'init', 'get_name', 'pre_hook seed-example', 'cleanup']));
    }
  });

  it('report a hook that opens a file: hook, WASI call, errno', async () => {
    const outcome = await run(bifrostFilesystem, 'bifrost-v2-capability-file');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('path_open (errno 8 EBADF) during `pre_hook seed-example`');
    expect((evidenceOf(outcome)['denied'] as unknown[])[0]).toMatchObject({ hook: 'pre_hook seed-example', hostCall: 'path_open', denied: 'errno 8 EBADF' });
    expect((await run(bifrostEnvironment, 'bifrost-v2-capability-file')).status).toBe('passed');
  });

  it('report a hook that reads the environment', async () => {
    const outcome = await run(bifrostEnvironment, 'bifrost-v2-capability-env');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('environ_sizes_get (no variables granted) during `pre_hook seed-example`');
    expect((await run(bifrostFilesystem, 'bifrost-v2-capability-env')).status).toBe('passed');
  });
});
