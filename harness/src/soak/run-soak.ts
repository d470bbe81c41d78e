/**
 * The soak (issue 8): a long run of fuzzed calls against a good plugin mixed with the hostile
 * corpus, counting what must stay at zero — harness crashes (an exception escaping plugcheck's
 * host, or a `plugcheck` process that dies instead of reporting) and lost results (a call or a
 * check that produced no result) — and the calls per second.
 *
 * In process, on a long-lived instance: fuzzed hook calls to the good plugin, interleaved with
 * calls to every hostile module whose misbehaviour ends by itself (traps, faults, bad answers). The
 * hostile modules that never return go through the real `plugcheck` bin in child processes at the
 * same time, since only the worker watchdog can stop them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundledPluginsDir } from '../config/bundled-plugins.js';
import { PluginInstance } from '../host/plugin-instance.js';
import { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import { inspectModule } from '../wasm/index.js';
import { soakInputs } from './soak-inputs.js';

/** What the soak reports. */
export interface SoakReport {
  readonly calls: number;
  readonly results: number;
  readonly harnessCrashes: number;
  readonly lostResults: number;
  readonly callsPerSecond: number;
  /** In-process calls to hostile modules, and `plugcheck` runs over the never-returning ones. */
  readonly hostileCalls: number;
  readonly hostileRuns: number;
  /** What went wrong, for the first few crashes or losses. */
  readonly problems: readonly string[];
}

/** Options of {@link runSoak}. */
export interface SoakOptions {
  readonly calls: number;
  readonly seed?: number;
  /** Run the never-returning hostile modules through the bin (needs a built dist/). */
  readonly bin?: boolean;
  /** A hostile call every this many calls. @defaultValue 50 */
  readonly hostileEvery?: number;
}

const execFileAsync = promisify(execFile);
// Hostile modules that never return: only a watchdog stops them, so they run through the bin.
const NEVER_RETURNS = /loop|storm/;

function open(bytes: Uint8Array<ArrayBuffer>): BifrostCaller | undefined {
  const info = inspectModule(bytes);
  const created = PluginInstance.instantiate(new WebAssembly.Module(bytes), info, { profile: bifrostV2, seed: 1 });
  return created.ok ? new BifrostCaller(created.value, bifrostV2.detectDialect(info)) : undefined;
}

/** Runs the soak and returns its counts. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const dir = bundledPluginsDir();
  const hostileDir = join(dir, 'hostile');
  const problems: string[] = [];
  let crashes = 0;
  let lost = 0;
  const good = open(new Uint8Array(await readFile(join(dir, 'bifrost-v2-good-wat.wasm'))));
  if (good === undefined) throw new Error('the good plugin does not instantiate');
  const hooks = bifrostV2.hooks.filter((h) => good.instance.hasFunction(h.name));
  const next = soakInputs(hooks.flatMap((h) => h.fixtures.map((f) => JSON.stringify(f.inputs[0]))), options.seed ?? 1);
  const names = (await readdir(hostileDir)).filter((f) => f.endsWith('.wasm') && !f.includes('midimon')).sort();
  const inProcess = names.filter((n) => !NEVER_RETURNS.test(n) && !n.includes('start-') && !n.includes('init'));
  const hostile = inProcess.map((n) => ({ name: n, bytes: readFile(join(hostileDir, n)) }));
  const hostileCallers = (await Promise.all(hostile.map(async (h) => ({ name: h.name, caller: open(new Uint8Array(await h.bytes)) })))).filter((h) => h.caller?.instance.memory !== undefined);  // the engine never calls a module without memory (abi.memory-exported)

  const binRuns = options.bin === true ? runNeverReturning(hostileDir, names.filter((n) => NEVER_RETURNS.test(n))) : Promise.resolve({ runs: 0, crashes: 0, lost: 0, problems: [] });

  const every = options.hostileEvery ?? 50;
  let results = 0;
  let hostileCalls = 0;
  const started = performance.now();
  for (let i = 0; i < options.calls; i++) {
    const useHostile = hostileCallers.length > 0 && i % every === every - 1;
    const target = useHostile ? hostileCallers[(i / every) % hostileCallers.length | 0] : undefined;
    const caller = target?.caller ?? good;
    const hook = hooks[i % hooks.length];
    if (hook === undefined) break;
    try {
      const call = caller.callHook(hook.name, [next()], `soak ${i}`);
      if (call.kind === undefined) {
        lost++;
        if (problems.length < 10) problems.push(`call ${i} to ${target?.name ?? 'the good plugin'} gave no result`);
      } else results++;
    } catch (thrown) {
      crashes++;
      if (problems.length < 10) problems.push(`call ${i} to ${target?.name ?? 'the good plugin'} threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    }
    if (useHostile) hostileCalls++;
    // Yield now and then so the child processes' completions are seen.
    if (i % 20_000 === 19_999) await new Promise((r) => setImmediate(r));
  }
  const seconds = (performance.now() - started) / 1000;
  const bin = await binRuns;
  return {
    calls: options.calls,
    results,
    harnessCrashes: crashes + bin.crashes,
    lostResults: lost + (options.calls - results - crashes - lost) + bin.lost,
    callsPerSecond: Math.round(options.calls / seconds),
    hostileCalls,
    hostileRuns: bin.runs,
    problems: [...problems, ...bin.problems],
  };
}

/** Runs each never-returning hostile module through the bin; a run must exit 1 with a full report. */
async function runNeverReturning(dir: string, names: readonly string[]): Promise<{ runs: number; crashes: number; lost: number; problems: string[] }> {
  const bin = join(dir, '..', '..', 'harness', 'bin', 'plugcheck.js');
  const out = await mkdtemp(join(tmpdir(), 'plugcheck-soak-'));
  let crashes = 0;
  let lost = 0;
  const problems: string[] = [];
  try {
    for (const name of names) {
      const args = [bin, 'test', join(dir, name), '--only', 'abi.*,lifecycle.*', '--timeout', '200', '--instantiate-timeout', '200', '--reporter', 'json', '--out', out];
      const exit = await execFileAsync(process.execPath, args, { timeout: 60_000 }).then(() => 0, (e: { code?: unknown }) => (typeof e.code === 'number' ? e.code : -1));
      if (exit !== 1) {
        crashes++;
        problems.push(`plugcheck test ${name} exited ${exit}, expected 1`);
        continue;
      }
      const report = JSON.parse(await readFile(join(out, 'plugcheck-report.json'), 'utf8')) as { summary: { total: number }; results: unknown[] };
      if (report.results.length !== report.summary.total || report.results.length === 0) {
        lost++;
        problems.push(`plugcheck test ${name} reported ${report.results.length} of ${report.summary.total} results`);
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  return { runs: names.length, crashes, lost, problems };
}
