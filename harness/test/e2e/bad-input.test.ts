/**
 * End to end: whatever a user gets wrong (arguments, files, profiles), `plugcheck` exits 2 with a
 * coded message on stderr, never a stack trace, and writes no report.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectStatic } from 'vitest';
import wabtInit from 'wabt';
import { hasStackTrace, removeTempDirs, ROOT, runPlugcheck, STACK_TRACE, tempDir } from '../support/plugcheck-cli.js';
import type { CliRun } from '../support/plugcheck-cli.js';

const GOOD = 'plugins-under-test/bifrost-v2-good-c.wasm';
const GOOD_SMALL = 'plugins-under-test/bifrost-v2-good-wat.wasm';
const WAT_SOURCE = 'plugins-under-test/src/bifrost-v2-good-wat.wat';

/** Exit 2, stderr opening with `<code>: `, no stack trace, nothing on stdout. */
function expectCoded(expect: ExpectStatic, run: CliRun, code: string): void {
  const context = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
  expect(run.exitCode, context).toBe(2);
  expect(run.stderr, context).toMatch(new RegExp(`^${code}: \\S`));
  expect(run.stderr, context).toMatch(/^ {2}fix: \S/m);
  expect(run.stderr, context).not.toMatch(STACK_TRACE);
  expect(hasStackTrace(run.stderr), context).toBe(false);
  expect(run.stderr).not.toContain('PLUGCHECK_INTERNAL');
  expect(run.stdout, context).toBe('');
}

// Files the cases below point plugcheck at, made once.
let dir = '';
let out = '';
const file = (name: string) => join(dir, name);

/** Compiles WAT with npm wabt (as harness/test/wasm/inspect-module.test.ts does). */
async function wat(source: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('e2e.wat', source, {});
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

beforeAll(async () => {
  dir = await tempDir();
  out = await tempDir();
  const good = await readFile(join(ROOT, GOOD));
  const small = await readFile(join(ROOT, GOOD_SMALL));
  await Promise.all([
    writeFile(file('notes.txt'), 'hello, world\nthis is not a plugin\n'),
    writeFile(file('plugin.wat'), await readFile(join(ROOT, WAT_SOURCE))),
    writeFile(file('first-40.wasm'), good.subarray(0, 40)),
    writeFile(file('all-but-last.wasm'), good.subarray(0, good.length - 1)),
    writeFile(file('small-first-40.wasm'), small.subarray(0, 40)),
    writeFile(file('small-all-but-last.wasm'), small.subarray(0, small.length - 1)),
    writeFile(file('add.wasm'), await wat('(module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))')),
    writeFile(
      file('near-miss.wasm'),
      await wat(`(module
        (func (export "plugin_malloc") (param i32) (result i32) i32.const 0)
        (func (export "get_name") (result i64) i64.const 0))`),
    ),
    mkdir(file('a-directory.wasm')),
  ]);
});

afterAll(removeTempDirs);

describe('plugcheck with no arguments', () => {
  it('exits 2 with a coded PLUGCHECK_USAGE message that points at --help, and no stack trace', async () => {
    const run = await runPlugcheck([]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^PLUGCHECK_USAGE: no command given/);
    expect(run.stderr).toContain('plugcheck --help');
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
  });
});

describe.concurrent('bad arguments: exit 2, PLUGCHECK_USAGE', () => {
  it('an unknown command', async ({ expect }) => {
    const run = await runPlugcheck(['bogus']);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toContain('unknown command "bogus"');
    expect(run.stderr).toMatch(/expected: test or bench or inspect or schema or replay or merge/);
  });

  it('a plugin path given as the command suggests `plugcheck test`', async ({ expect }) => {
    const run = await runPlugcheck(['my-plugin.wasm']);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toContain('fix: run `plugcheck test my-plugin.wasm`');
  });

  it('an unknown flag names it and lists the accepted ones', async ({ expect }) => {
    const run = await runPlugcheck(['test', 'x.wasm', '--bogus', '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toContain("'--bogus'");
    expect(run.stderr).toMatch(/expected: options: .*--profile.*--only.*--timeout/);
  });

  it('an unknown flag of inspect', async ({ expect }) => {
    const run = await runPlugcheck(['inspect', GOOD, '--bogus']);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toContain("'--bogus'");
    expect(run.stderr).toContain('--json');
  });

  it('two plugin paths', async ({ expect }) => {
    const run = await runPlugcheck(['test', GOOD, GOOD_SMALL, '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toContain('takes exactly one plugin');
    expect(run.stderr).toContain(`received: ${GOOD} ${GOOD_SMALL}`);
  });

  it('test without a plugin path', async ({ expect }) => {
    const run = await runPlugcheck(['test', '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toContain('received: no plugin path');
  });

  it('inspect with two plugin paths', async ({ expect }) => {
    const run = await runPlugcheck(['inspect', GOOD, GOOD_SMALL]);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
  });

  it('--timeout abc', async ({ expect }) => {
    const run = await runPlugcheck(['test', GOOD, '--timeout', 'abc', '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toMatch(/^PLUGCHECK_USAGE: --timeout takes a whole number/);
    expect(run.stderr).toContain('received: abc');
  });

  it('--timeout 0 (a limit must be at least 1 ms)', async ({ expect }) => {
    const run = await runPlugcheck(['test', GOOD, '--timeout', '0', '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toMatch(/^PLUGCHECK_USAGE: --timeout takes a whole number of at least 1/);
  });

  it('--seed -1', async ({ expect }) => {
    const run = await runPlugcheck(['test', GOOD, '--seed=-1', '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toMatch(/--seed takes a whole number/);
  });

  it('--only nomatch*', async ({ expect }) => {
    const run = await runPlugcheck(['test', GOOD, '--only', 'nomatch*', '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_USAGE');
    expect(run.stderr).toContain('--only nomatch* matches no check of profile bifrost-v2');
    expect(run.stderr).toMatch(/expected: a glob over: .*abi\.compiles.*lifecycle\.cleanup/);
  });
});

describe.concurrent('unusable files', () => {
  it('a missing file: PLUGCHECK_FILE_UNREADABLE', async ({ expect }) => {
    const run = await runPlugcheck(['test', file('missing.wasm'), '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_FILE_UNREADABLE');
    expect(run.stderr).toContain(file('missing.wasm'));
    expect(run.stderr).toContain('received: no such file');
  });

  it('a missing file given to inspect: PLUGCHECK_FILE_UNREADABLE', async ({ expect }) => {
    const run = await runPlugcheck(['inspect', file('missing.wasm')]);
    expectCoded(expect, run, 'PLUGCHECK_FILE_UNREADABLE');
  });

  it('a directory: PLUGCHECK_FILE_UNREADABLE', async ({ expect }) => {
    const run = await runPlugcheck(['test', file('a-directory.wasm'), '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_FILE_UNREADABLE');
    expect(run.stderr).toContain('is a directory');
  });

  it('a text file: PLUGCHECK_NOT_WASM', async ({ expect }) => {
    const run = await runPlugcheck(['test', file('notes.txt'), '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_NOT_WASM');
    expect(run.stderr).toContain(file('notes.txt'));
  });

  it('a WAT text file: PLUGCHECK_NOT_WASM with a fix naming wat2wasm', async ({ expect }) => {
    const run = await runPlugcheck(['test', file('plugin.wat'), '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_NOT_WASM');
    expect(run.stderr).toMatch(/^ {2}fix: .*wat2wasm/m);
  });

  for (const [name, what] of [
    ['first-40.wasm', `${GOOD} cut to its first 40 bytes`],
    ['all-but-last.wasm', `${GOOD} without its last byte`],
    ['small-first-40.wasm', `${GOOD_SMALL} cut to its first 40 bytes`],
    ['small-all-but-last.wasm', `${GOOD_SMALL} without its last byte`],
  ] as const) {
    it(`${what}: PLUGCHECK_TRUNCATED_MODULE`, async ({ expect }) => {
      const run = await runPlugcheck(['test', file(name), '--out', out]);
      expectCoded(expect, run, 'PLUGCHECK_TRUNCATED_MODULE');
      expect(run.stderr).toContain(file(name));
    });
  }
});

describe.concurrent('profiles', () => {
  it('--profile nope: PLUGCHECK_UNKNOWN_PROFILE listing the known profiles', async ({ expect }) => {
    const run = await runPlugcheck(['test', GOOD, '--profile', 'nope', '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_UNKNOWN_PROFILE');
    expect(run.stderr).toContain('"nope"');
    expect(run.stderr).toMatch(/^ {2}expected: .*bifrost-v1/m);
    expect(run.stderr).toMatch(/^ {2}expected: .*bifrost-v2/m);
  });

  it('a valid module exporting only `add`: PLUGCHECK_NO_PROFILE_MATCH', async ({ expect }) => {
    const run = await runPlugcheck(['test', file('add.wasm'), '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_NO_PROFILE_MATCH');
    expect(run.stderr).toContain('matches no plugin profile');
    expect(run.stderr).toContain('received: exports add');
  });

  it('a near miss (plugin_malloc, get_name, no hooks): PLUGCHECK_NO_PROFILE_MATCH naming the nearest profile and what is missing', async ({ expect }) => {
    const run = await runPlugcheck(['test', file('near-miss.wasm'), '--out', out]);
    expectCoded(expect, run, 'PLUGCHECK_NO_PROFILE_MATCH');
    const first = run.stderr.split('\n')[0] ?? '';
    expect(first).toContain('nearest is bifrost-v1');
    expect(first).toMatch(/it is missing cleanup and at least one hook/);
    expect(first).toMatch(/hook/);
    expect(run.stderr).toContain('--profile bifrost-v1');
  });

  it('inspect on the near miss exits 1 and names the nearest profile', async ({ expect }) => {
    const [human, json] = await Promise.all([
      runPlugcheck(['inspect', file('near-miss.wasm')]),
      runPlugcheck(['inspect', '--json', file('near-miss.wasm')]),
    ]);
    expect(human.exitCode, human.stderr).toBe(1);
    expect(human.stderr).toBe('');
    expect(human.stdout).toMatch(/no profile matched/);
    expect(human.stdout).toMatch(/^ {2}nearest bifrost-v1 \(score [\d.]+\): .*cleanup/m);
    expect(json.exitCode, json.stderr).toBe(1);
    const doc = JSON.parse(json.stdout) as { profile: unknown; nearMiss: { profile: string; explanation: string } | null };
    expect(doc.profile).toBeNull();
    expect(doc.nearMiss?.profile).toBe('bifrost-v1');
    expect(doc.nearMiss?.explanation).toMatch(/cleanup/);
  });

  it('inspect on a module that is no plugin at all exits 1 without a nearest profile', async ({ expect }) => {
    const run = await runPlugcheck(['inspect', '--json', file('add.wasm')]);
    expect(run.exitCode, run.stderr).toBe(1);
    const doc = JSON.parse(run.stdout) as { profile: unknown; nearMiss: unknown };
    expect(doc.profile).toBeNull();
    expect(doc.nearMiss).toBeNull();
  });
});

// Last in the file: every run above that was given `--out` failed before writing anything.
it('leaves no report behind when it cannot run', async () => {
  expect(await readdir(out)).toEqual([]);
});
