/**
 * Replays a bundle: finds the plugin (the bundle's path, relative to the bundle, unless one is
 * given), refuses a file whose sha256 differs from the bundle's, and runs the bundle's check with
 * the bundle's profile, seed and limits through the engine — in a watched worker, like any run —
 * sending exactly the bundle's call.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { resolvePluginPath } from '../engine/load-plugin.js';
import { testPlugin } from '../engine/test-plugin.js';
import { PlugcheckError, UsageError } from '../errors.js';
import type { ReportedResult, RunReport } from '../report/run-report.js';
import type { ReplayBundle } from './replay-bundle.js';
import { readReplayBundle } from './replay-bundle.js';

/** What a replay came to. */
export interface ReplayOutcome {
  readonly bundle: ReplayBundle;
  readonly plugin: string;
  readonly report: RunReport;
  /** The replayed check's result: `failed` means the failure reproduced. */
  readonly result: ReportedResult;
}

/**
 * Replays the bundle at `bundlePath`; `plugin` overrides the bundle's plugin path and
 * `callTimeoutMs` its per-call limit (a recorded hang need not be waited out at full length).
 */
export async function replay(bundlePath: string, plugin?: string, callTimeoutMs?: number): Promise<ReplayOutcome> {
  const bundle = await readReplayBundle(bundlePath);
  const pluginPath = plugin ?? (bundle.plugin.path === undefined ? undefined : resolve(dirname(bundlePath), bundle.plugin.path));
  if (pluginPath === undefined) {
    throw new UsageError(`${bundlePath} does not say where the plugin is`, { expected: 'plugin.path in the bundle, or --plugin', received: 'neither', fix: `run \`plugcheck replay ${bundlePath} --plugin <plugin.wasm>\`` });
  }
  // A FrankenTerm extension is given as its manifest or directory; the bundle's sha256 is its module's.
  const modulePath = await resolvePluginPath(pluginPath).then((r) => r.wasm).catch(() => pluginPath);
  const bytes = await readFile(modulePath).catch((thrown: unknown) => {
    throw new PlugcheckError('PLUGCHECK_FILE_UNREADABLE', `cannot read the bundle's plugin ${pluginPath}: ${(thrown as Error).message}`, {
      expected: 'the plugin the bundle was written for',
      received: (thrown as Error).message,
      fix: `pass it with \`plugcheck replay ${bundlePath} --plugin <plugin.wasm>\``,
    });
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== bundle.plugin.sha256) {
    throw new PlugcheckError('PLUGCHECK_BAD_REPLAY', `${pluginPath} is not the plugin ${bundlePath} was written for`, {
      expected: `sha256 ${bundle.plugin.sha256}`,
      received: `sha256 ${sha256}`,
      fix: 'replay against the plugin build that failed, or re-run `plugcheck test` on the new build to get a fresh bundle',
    });
  }
  const report = await testPlugin({
    plugin: pluginPath,
    profile: bundle.profile,
    only: [bundle.check],
    seed: bundle.seed,
    callTimeoutMs: callTimeoutMs ?? bundle.limits.callTimeoutMs,
    instantiateTimeoutMs: bundle.limits.instantiateTimeoutMs,
    replay: bundle.call,
  });
  const result = report.results.find((r) => r.check === bundle.check);
  if (result === undefined) throw new Error(`the replayed check ${bundle.check} did not run`);
  return { bundle, plugin: pluginPath, report, result };
}
