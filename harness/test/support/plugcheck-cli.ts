/**
 * Helpers for the end-to-end tests: run the real `plugcheck` bin the way a user would (a child
 * process, cwd = repo root, no colours), read the bundled plugins and their expectations files
 * straight from disk, and make throwaway directories.
 *
 * The bin runs the compiled CLI in dist/: `npm test` builds it first; when running vitest
 * directly, run `npx tsc -p tsconfig.build.json` after changing harness/src.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { parse as parseToml } from 'smol-toml';

/** The repository root (the cwd every command runs in). */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The `plugcheck` bin, as package.json declares it. */
export const BIN = join(ROOT, 'harness', 'bin', 'plugcheck.js');
/** The `npm test` front door. */
export const TEST_BIN = join(ROOT, 'harness', 'bin', 'plugcheck-test.js');
/** The bundled plugins, relative to ROOT (the way a user in the repo would name them). */
export const PLUGINS_DIR = 'plugins-under-test';

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  throw new Error('plugcheck is not built: run `npx tsc -p tsconfig.build.json` (npm test does it for you)');
}

/** What a finished command left behind. */
export interface CliRun {
  /** undefined only if the process was killed (e.g. by the safety timeout). */
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  readonly timedOut: boolean;
}

/** Options of {@link runPlugcheck}. */
export interface RunOptions {
  /** Kill the child after this long (a safety net; tests assert on durations themselves). */
  readonly timeoutMs?: number;
  readonly env?: Readonly<Record<string, string>>;
}

// Plain text, whatever the terminal: the CLI only colours a TTY, but be explicit. And no step
// summary: under GitHub Actions every test run would otherwise append to plugcheck's own.
const BASE_ENV = { NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' };

/** Runs `node harness/bin/plugcheck.js ...args` from the repo root; never rejects. */
export async function runPlugcheck(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  return runNode(BIN, args, options);
}

/** Runs a node script with args from the repo root; never rejects. */
export async function runNode(script: string, args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const result = await execa(process.execPath, [script, ...args], {
    cwd: ROOT,
    reject: false,
    env: { ...BASE_ENV, ...options.env },
    timeout: options.timeoutMs ?? 120_000,
    stdin: 'ignore',
  });
  return {
    exitCode: result.exitCode,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
    durationMs: result.durationMs,
    timedOut: result.timedOut,
  };
}

/** An expectations file, parsed without going through harness/src. */
export interface Expectations {
  readonly plugin: string;
  readonly description: string;
  readonly profile: string;
  readonly dialect: Readonly<Record<string, string>>;
  readonly checks: Readonly<Record<string, string>>;
}

/** A bundled plugin with its expectations. */
export interface BundledPlugin {
  readonly name: string;
  /**
   * Relative to ROOT: the expectations' `plugin` (a module, a manifest or a directory), e.g.
   * `plugins-under-test/bifrost-v2-good-c.wasm`.
   */
  readonly wasm: string;
  readonly expectations: Expectations;
}

/** Every `plugins-under-test/*.expect.json` with its plugin, sorted by name (read synchronously: tests are generated from it). */
export function bundledPlugins(): BundledPlugin[] {
  return readdirSync(join(ROOT, PLUGINS_DIR))
    .filter((f) => f.endsWith('.expect.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.expect.json'.length);
      const expectations = JSON.parse(readFileSync(join(ROOT, PLUGINS_DIR, f), 'utf8')) as Expectations;
      return { name, wasm: `${PLUGINS_DIR}/${expectations.plugin}`, expectations };
    });
}

/**
 * A plugin is good when its expectations list no check that must fail: every check passes, or is
 * listed as skipped because it does not apply (a FrankenTerm configuration module has no manifest).
 */
export const isGood = (p: BundledPlugin): boolean => Object.values(p.expectations.checks).every((s) => s === 'skipped');

/** The status an expectations file wants for a check: listed → that, unlisted → passed. */
export const expectedStatus = (e: Expectations, check: string): string => e.checks[check] ?? 'passed';

/**
 * The module a plugin argument names, relative to ROOT: the argument itself for a `.wasm`; for a
 * directory or an `extension.toml`, the manifest's `[engine].entry` (default `main.wasm`), read
 * here independently of plugcheck.
 */
export function modulePath(plugin: string): string {
  const manifest = statSync(join(ROOT, plugin)).isDirectory() ? join(plugin, 'extension.toml') : plugin;
  if (!manifest.endsWith('.toml')) return plugin;
  const doc = parseToml(readFileSync(join(ROOT, manifest), 'utf8')) as { engine?: { entry?: string } };
  return join(dirname(manifest), doc.engine?.entry ?? 'main.wasm');
}

/** sha256 (hex) of a plugin's module file, computed independently of plugcheck. */
export async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(join(ROOT, modulePath(path))))
    .digest('hex');
}

const made: string[] = [];

/** A fresh, empty directory under the OS temp dir; removed by {@link removeTempDirs}. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'plugcheck-e2e-'));
  made.push(dir);
  return dir;
}

/** Removes every directory {@link tempDir} made (call from afterAll). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** The JSON report of a run, as the e2e tests read it. */
export interface JsonReport {
  readonly schemaVersion: number;
  readonly plugin: {
    readonly path: string;
    readonly sha256: string;
    readonly bytes: number;
    readonly profile: string;
    readonly dialect: Record<string, string>;
    readonly profileSource: string;
  };
  readonly options: { readonly seed: number; readonly callTimeoutMs: number };
  readonly summary: Record<'total' | 'passed' | 'failed' | 'errored' | 'skipped' | 'timedOut', number>;
  readonly results: readonly {
    readonly check: string;
    readonly status: string;
    readonly message: string;
    readonly evidence?: Record<string, unknown>;
    readonly replay: string;
    readonly durationMs: number;
  }[];
}

/** Reads `<outDir>/plugcheck-report.json`. */
export async function readReport(outDir: string): Promise<JsonReport> {
  return JSON.parse(await readFile(join(outDir, 'plugcheck-report.json'), 'utf8')) as JsonReport;
}

/** The non-empty lines of a text, trailing whitespace removed. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0);
}

/** Removes ANSI colour codes (vitest colours its output even into a pipe sometimes). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Every `replay: <command>` the console reporter printed, in order. */
export function replayLines(stdout: string): string[] {
  return lines(stdout)
    .map((l) => /^\s*replay: (.+)$/.exec(l)?.[1])
    .filter((c): c is string => c !== undefined);
}

/** Splits a POSIX shell command line into words (plain words, '…' quoting, \x escapes). */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in ${command}`);
      current += command.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '\\') {
      current += command[i + 1] ?? '';
      inWord = true;
      i++;
    } else if (c === '"') {
      throw new Error(`double quotes are not expected in a replay command: ${command}`);
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** The plugcheck arguments of a replay command (`npx plugcheck test …` → `['test', …]`). */
export function replayArgs(command: string): string[] {
  const words = shellWords(command);
  if (words[0] !== 'npx' || words[1] !== 'plugcheck') throw new Error(`a replay command starts with "npx plugcheck": ${command}`);
  return words.slice(2);
}

/** A printed stack frame: what no user-facing error may contain. */
export const STACK_TRACE = /\n\s+at /;

/** True when text holds a stack trace (a frame line, or node's own error banner). */
export function hasStackTrace(text: string): boolean {
  return STACK_TRACE.test(text) || /^\s*at .+:\d+:\d+\)?$/m.test(text) || text.includes('node:internal');
}
