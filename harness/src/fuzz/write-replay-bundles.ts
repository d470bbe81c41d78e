/**
 * Writes the replay bundle of every failed fuzz check of a report to `<dir>/repro-<check>.json`,
 * with the plugin's path relative to the bundle (so a committed bundle next to its plugin keeps
 * working), and returns the one-line commands that replay each.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { RunReport } from '../report/run-report.js';
import type { ReplayBundle } from './replay-bundle.js';
import { validateReplayBundle } from './replay-bundle.js';

/** One bundle written. */
export interface WrittenBundle {
  readonly check: string;
  readonly path: string;
  readonly commands: readonly string[];
}

function bundleOf(evidence: unknown): ReplayBundle | undefined {
  if (typeof evidence !== 'object' || evidence === null) return undefined;
  const bundle = (evidence as { replayBundle?: unknown }).replayBundle;
  return typeof bundle === 'object' && bundle !== null ? (bundle as ReplayBundle) : undefined;
}

/** Writes the bundles; nothing when no fuzz check failed. */
export async function writeReplayBundles(report: RunReport, dir: string): Promise<WrittenBundle[]> {
  const written: WrittenBundle[] = [];
  for (const result of report.results) {
    if (result.status !== 'failed' && result.status !== 'timed-out') continue;
    const bundle = bundleOf(result.evidence);
    if (bundle === undefined) continue;
    await mkdir(dir, { recursive: true });
    const path = join(dir, `repro-${result.check}.json`);
    const plugin = report.plugin.path;
    const located: ReplayBundle = { ...bundle, plugin: { ...bundle.plugin, path: relative(resolve(dir), resolve(plugin)) } };
    // A bundle plugcheck cannot read back is a plugcheck bug: fail here, not at replay time.
    validateReplayBundle(located, path);
    await writeFile(path, `${JSON.stringify(located, null, 2)}\n`);
    written.push({ check: result.check, path, commands: [`npx plugcheck replay ${path}`, `npm test -- --replay ${path}`] });
  }
  return written;
}
