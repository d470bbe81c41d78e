/**
 * The config settings that reach the checks (as opposed to the plan): `limits.fuel` becomes the
 * budget `limits.fuel` meters against (`--fuel` overrides it), `hooks` narrows the hooks the
 * checks call, `inputs` adds the project's own hook inputs, a plugin's `config` is what a Bifrost `init` receives, `dialect` (top-level and a plugin's) replaces the detected dialect's axes, and
 * `extismManifest` / `networkAllowList` set the limits and allow-list an Extism plugin runs under. Run as a user would, with the real bin in a plugin repository.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, removeTempDirs, tempDir } from '../../support/plugcheck-cli.js';

afterAll(removeTempDirs);

async function plugcheckIn(cwd: string, args: readonly string[]) {
  const r = await execa(process.execPath, [BIN, ...args], { cwd, reject: false, env: { NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' }, timeout: 120_000, stdin: 'ignore' });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

interface Report {
  readonly results: readonly { readonly check: string; readonly status: string; readonly replay: string; readonly evidence?: { readonly config?: string; readonly budget?: number; readonly budgetSource?: string; readonly capPages?: number; readonly capSource?: string; readonly calls?: readonly { readonly hook?: string }[] } }[];
}

/** A repository holding one plugin and a config; returns its directory. */
async function repoWith(plugin: string, config: Record<string, unknown>): Promise<string> {
  const repo = await tempDir();
  await mkdir(join(repo, 'build'));
  await copyFile(join(ROOT, 'plugins-under-test', plugin), join(repo, 'build', 'p.wasm'));
  await writeFile(join(repo, 'plugcheck.config.json'), JSON.stringify({ plugins: ['build/p.wasm'], out: 'out', ...config }));
  return repo;
}

const result = async (repo: string, check: string) => (JSON.parse(await readFile(join(repo, 'out', 'plugcheck-report.json'), 'utf8')) as Report).results.find((r) => r.check === check);

describe.concurrent('plugcheck test: config limits reach the checks', () => {
  it('limits.fuel is the budget limits.fuel meters against, and --fuel overrides it', async () => {
    // extism-good passes limits.fuel at plugcheck's 1e9 default; its loading alone takes more than 10 instructions.
    const repo = await repoWith('extism-good.wasm', { only: ['limits.fuel'], limits: { fuel: 10 } });
    const tight = await plugcheckIn(repo, ['test', '--reporter', 'console,json']);
    expect(tight.stderr).toBe('');
    expect(tight.exitCode, tight.stdout).toBe(1);
    expect(tight.stdout).not.toContain('validates but does not use yet');
    const failed = await result(repo, 'limits.fuel');
    expect(failed).toMatchObject({ status: 'failed', evidence: { budget: 10, budgetSource: 'option' } });
    expect(failed?.replay).toContain('--fuel 10');

    const loose = await plugcheckIn(repo, ['test', '--fuel', '1000000', '--reporter', 'json']);
    expect(loose.exitCode, loose.stdout).toBe(0);
    expect(await result(repo, 'limits.fuel')).toMatchObject({ status: 'passed', evidence: { budget: 1_000_000, budgetSource: 'option' } });
  });

  it('--fuel takes a whole number of at least 1', async () => {
    const repo = await repoWith('extism-good.wasm', {});
    const bad = await plugcheckIn(repo, ['test', '--fuel', '0']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--fuel takes a whole number of at least 1');
  });

  it('hooks narrows the hooks the checks call, and a name that is no hook of the profile is a coded error', async () => {
    const hooksCalled = async (repo: string) => [...new Set((await result(repo, 'lifecycle.hooks-answer'))?.evidence?.calls?.map((c) => c.hook))].sort();
    const all = await repoWith('bifrost-v2-good-wat.wasm', { only: ['lifecycle.hooks-answer'], reporters: ['json'] });
    expect((await plugcheckIn(all, ['test'])).exitCode).toBe(0);
    expect(await hooksCalled(all)).toEqual(['http_post_hook', 'http_pre_hook', 'http_stream_chunk_hook', 'post_hook', 'pre_hook']);

    const some = await repoWith('bifrost-v2-good-wat.wasm', { only: ['lifecycle.hooks-answer'], reporters: ['json'], hooks: ['pre_hook', 'post_hook'] });
    expect((await plugcheckIn(some, ['test'])).exitCode).toBe(0);
    expect(await hooksCalled(some)).toEqual(['post_hook', 'pre_hook']);

    const typo = await repoWith('bifrost-v2-good-wat.wasm', { hooks: ['pre_hok'] });
    const bad = await plugcheckIn(typo, ['test']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('PLUGCHECK_BAD_CONFIG: "hooks" names pre_hok, which is no hook of profile bifrost-v2');
    expect(bad.stderr).toContain('expected: hooks of bifrost-v2: http_pre_hook, http_post_hook, http_stream_chunk_hook, pre_hook, post_hook');
  });

  it('inputs are sent beside the seed examples, named config:<id>, and an input outside the schema is a coded error', async () => {
    const accented = { context: {}, request: { provider: 'openai', model: 'gpt-4', input: [{ role: 'user', content: 'Grüße' }] } };
    const repo = await repoWith('bifrost-v2-fuzz-non-ascii-trap.wasm', { only: ['lifecycle.hooks-answer'], reporters: ['console', 'json'], inputs: { pre_hook: [{ id: 'accented', inputs: [accented] }] } });
    const run = await plugcheckIn(repo, ['test']);
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/FAIL\s+lifecycle\.hooks-answer\s+`pre_hook config:accented` trapped/);
    expect(run.stdout).not.toContain('not used');
    expect((await result(repo, 'lifecycle.hooks-answer'))?.status).toBe('failed');

    const shapeless = await repoWith('bifrost-v2-fuzz-non-ascii-trap.wasm', { inputs: { pre_hook: [{ id: 'no-request', inputs: [{ context: {} }] }] } });
    const bad = await plugcheckIn(shapeless, ['test']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('PLUGCHECK_BAD_CONFIG: "inputs"."pre_hook" entry "no-request" does not fit schemas/bifrost-v2/pre_hook.input.schema.json');
  });

  it('a Bifrost plugin\'s config is what its init receives', async () => {
    const repo = await repoWith('bifrost-v2-good-as.wasm', { plugins: [{ path: 'build/p.wasm', config: { mode: 'strict' } }], only: ['lifecycle.init'], reporters: ['json'] });
    const run = await plugcheckIn(repo, ['test']);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).not.toContain('not used');
    expect((await result(repo, 'lifecycle.init'))?.evidence).toMatchObject({ config: '{"mode":"strict"}' });
  });

  it('dialect forces the axes it names, a plugin\'s own over the top-level ones, and refuses unknown variants', async () => {
    const repo = await repoWith('bifrost-v2-good-wat.wasm', {
      plugins: [{ path: 'build/p.wasm', dialect: { http: 'http_intercept' } }],
      only: ['abi.compiles'],
      reporters: ['console', 'json'],
      dialect: { free: 'free(ptr,size)', http: 'none' },
    });
    const run = await plugcheckIn(repo, ['test']);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('dialect allocator=malloc free=free(ptr,size) http=http_intercept');
    const report = JSON.parse(await readFile(join(repo, 'out', 'plugcheck-report.json'), 'utf8')) as { plugin: { dialect: Record<string, string> } };
    expect(report.plugin.dialect).toEqual({ allocator: 'malloc', free: 'free(ptr,size)', http: 'http_intercept' });

    const typo = await repoWith('bifrost-v2-good-wat.wasm', { dialect: { free: 'free(size)' } });
    const bad = await plugcheckIn(typo, ['test']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('PLUGCHECK_BAD_CONFIG: "dialect" sets free to free(size), which is no free variant of profile bifrost-v2');
    expect(bad.stderr).toContain('expected: free of bifrost-v2: free(ptr), free(ptr,size), none');
  });

  it('extismManifest sets an Extism plugin\'s memory cap and allow-list, networkAllowList wins over it', async () => {
    // extism-good passes limits.memory under plugcheck's 4096-page default; it loads with 1 page.
    const capped = await repoWith('extism-good.wasm', { plugins: [{ path: 'build/p.wasm', extismManifest: { memory: { max_pages: 1 } } }], only: ['limits.memory'], reporters: ['json'] });
    expect((await plugcheckIn(capped, ['test'])).exitCode).toBe(1);
    expect(await result(capped, 'limits.memory')).toMatchObject({ status: 'failed', evidence: { capPages: 1, capSource: 'extism manifest' } });

    // network-denied reports to metrics.example.net, which the default allow-list (the mock host's fixtures) lacks.
    const network = async (config: Record<string, unknown>) => {
      const repo = await repoWith('extism-datasource-network-denied.wasm', { only: ['capability.network'], reporters: ['console'], ...config });
      const run = await plugcheckIn(repo, ['test']);
      return { exitCode: run.exitCode, line: run.stdout.split('\n').find((l) => l.includes('capability.network')) ?? '' };
    };
    const [byDefault, byManifest, byOption] = await Promise.all([
      network({}),
      network({ extismManifest: { allowed_hosts: ['*.example.net', '*.example.test'] } }),
      network({ extismManifest: { allowed_hosts: ['nothing.example'] }, networkAllowList: ['*'] }),
    ]);
    expect(byDefault).toMatchObject({ exitCode: 1, line: expect.stringContaining('metrics.example.net is not on the network allow-list') });
    expect(byManifest).toMatchObject({ exitCode: 0, line: expect.stringContaining('(*.example.net, *.example.test; extism manifest)') });
    expect(byOption).toMatchObject({ exitCode: 0, line: expect.stringContaining('(*; option)') });
  });
});
