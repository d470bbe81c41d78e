/**
 * `--update-expectations`: writes each plugin's expected failures into the config file, keeping
 * every other key as it was. A plugin given as a bare path becomes an object entry; a plugin the
 * config does not list yet is appended; without a config file, one is created.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { ExpectedFailures, PluginEntry } from './plugcheck-config.js';
import { entryOf, pathFromConfig } from './plugcheck-config.js';

/** One plugin's new expected failures; `plugin` is the path as the command line names it. */
export interface ExpectationUpdate {
  readonly plugin: string;
  readonly expectedFailures: ExpectedFailures;
}

/** Writes the updates into `configFile` (created when missing); returns the number of entries written. */
export async function writeExpectedFailures(configFile: string, updates: readonly ExpectationUpdate[], cwd: string = process.cwd()): Promise<number> {
  let doc: Record<string, unknown> = {};
  try {
    doc = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT') throw thrown;
  }
  const plugins = Array.isArray(doc['plugins']) ? [...(doc['plugins'] as (string | PluginEntry)[])] : [];
  let written = 0;
  for (const update of updates) {
    const wanted = resolve(cwd, update.plugin);
    const at = plugins.findIndex((p) => resolve(cwd, pathFromConfig(configFile, entryOf(p).path, cwd)) === wanted);
    const entry: PluginEntry = at < 0 ? { path: pathRelativeToConfig(configFile, update.plugin, cwd) } : entryOf(plugins[at] as string | PluginEntry);
    const { expectedFailures: _old, ...rest } = entry;
    const next: PluginEntry = Object.keys(update.expectedFailures).length === 0 ? rest : { ...rest, expectedFailures: update.expectedFailures };
    // A plugin with nothing but its path is written as a bare path, the short form.
    const value = Object.keys(next).length === 1 && (at < 0 || typeof plugins[at] === 'string') ? next.path : next;
    if (at < 0) plugins.push(value);
    else plugins[at] = value;
    written += Object.keys(update.expectedFailures).length;
  }
  await writeFile(configFile, `${JSON.stringify({ ...doc, plugins }, null, 2)}\n`);
  return written;
}

// Plugin paths in a config are relative to the config's directory.
function pathRelativeToConfig(configFile: string, plugin: string, cwd: string): string {
  return relative(dirname(resolve(cwd, configFile)), resolve(cwd, plugin)) || '.';
}
