/**
 * `--memory-cap <MiB or pages>`: parsed to pages, refused with a coded usage error when it is no
 * size, and, through the real bin, overriding the profile's cap (and carried into replay commands).
 */
import { describe, expect, it } from 'vitest';
import { memoryCapOption } from '../../src/cli/memory-cap-option.js';
import { UsageError } from '../../src/errors.js';
import { readReport, runPlugcheck, tempDir } from '../support/plugcheck-cli.js';

describe('memoryCapOption', () => {
  it('reads MiB (bare, MiB, M) and pages (p, pages)', () => {
    expect(memoryCapOption(undefined)).toBeUndefined();
    expect(memoryCapOption('64')).toBe(1024);
    expect(memoryCapOption('64MiB')).toBe(1024);
    expect(memoryCapOption('128m')).toBe(2048);
    expect(memoryCapOption('1100p')).toBe(1100);
    expect(memoryCapOption('1 pages')).toBe(1);
    expect(memoryCapOption('4096')).toBe(65536);
  });

  it('refuses what is no size, or no size a 32-bit memory can have', () => {
    for (const bad of ['', 'lots', '-1', '0', '0p', '65537p', '4097', '1.5', '64GB']) {
      expect(() => memoryCapOption(bad), bad).toThrow(UsageError);
    }
  });
});

describe('plugcheck test --memory-cap', () => {
  it('overrides the profile\'s cap: the FrankenTerm bomb passes under 128 MiB, and replay keeps the cap', async () => {
    const out = await tempDir();
    const run = await runPlugcheck(['test', 'plugins-under-test/limits-frankenterm-memory-bomb.wasm', '--only', 'limits.memory', '--memory-cap', '128', '--reporter', 'json', '--out', out]);
    expect(run.exitCode, run.stderr).toBe(0);
    const report = await readReport(out);
    const result = report.results[0] as unknown as { status: string; message: string; replay: string; evidence: Record<string, unknown> };
    expect(result.status).toBe('passed');
    expect(result.evidence).toMatchObject({ capPages: 2048, capSource: 'option' });
    expect(result.replay).toContain('--memory-cap 2048p');
  });

  it('a bad size is exit 2 with PLUGCHECK_USAGE', async () => {
    const run = await runPlugcheck(['test', 'plugins-under-test/limits-frankenterm-memory-bomb.wasm', '--memory-cap', 'lots']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('PLUGCHECK_USAGE');
    expect(run.stderr).toContain('--memory-cap');
  });
});
