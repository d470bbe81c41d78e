/**
 * `plugcheck test --growth-calls <n>`: the memory growth run makes n hook calls, the evidence has n
 * samples, the replay command carries the flag, and a number too small for a slope is refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readReport, removeTempDirs, runPlugcheck, tempDir } from '../../support/plugcheck-cli.js';

afterAll(removeTempDirs);

describe('--growth-calls', () => {
  it('sets the calls of the growth run, and the replay command repeats it', async () => {
    const out = await tempDir();
    const run = await runPlugcheck(['test', 'plugins-under-test/bifrost-v2-memory-leak-block.wasm', '--only', 'memory.leak-per-call', '--growth-calls', '30', '--reporter', 'json', '--out', out], { timeoutMs: 60_000 });
    expect(run.exitCode, run.stderr).toBe(1);
    const report = await readReport(out);
    const result = report.results.find((r) => r.check === 'memory.leak-per-call');
    expect(result?.status).toBe('failed');
    expect(result?.evidence?.['reused']).toHaveLength(30);
    expect(result?.replay).toContain('--growth-calls 30');
  });

  it('is listed in the usage and refuses fewer than 10 calls with a coded usage error', async () => {
    const help = await runPlugcheck(['test', '--help']);
    expect(help.stdout).toContain('--growth-calls <n>');
    const refused = await runPlugcheck(['test', 'plugins-under-test/bifrost-v2-good-wat.wasm', '--growth-calls', '5']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('PLUGCHECK_USAGE');
    expect(refused.stderr).toContain('--growth-calls');
  });
});
