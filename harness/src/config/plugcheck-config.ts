/**
 * `plugcheck.config.json`: a project's plugcheck settings (schemas/config.schema.json). Read from
 * `--config <file>` or, when that is absent, `./plugcheck.config.json` if it exists; validated
 * against the schema with errors that name the key (PLUGCHECK_BAD_CONFIG).
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { SCHEMA_BASE_URI } from '../schema/schema-files.js';
import { validateDocument } from './validate-document.js';
import type { ExtismManifestLimits } from '../profiles/effective-limits.js';
import type { ExtraInputs } from '../profiles/extra-inputs.js';
import type { MemoryThresholds } from '../engine/check-context.js';

/** The file `plugcheck test` reads when no `--config` is given. */
export const CONFIG_FILE = 'plugcheck.config.json';

/** The `$id` of the config format. */
export const CONFIG_SCHEMA_ID = `${SCHEMA_BASE_URI}config.schema.json`;

/** The statuses an expected failure can name: those that would otherwise fail the run. */
export type ExpectedStatus = 'failed' | 'errored' | 'timed-out';

/** One known failure: the status the check is expected to end with, why, and where it is tracked. */
export interface ExpectedFailure {
  readonly status?: ExpectedStatus;
  readonly reason: string;
  readonly link?: string;
}

/** Check id → its expected failure. */
export type ExpectedFailures = Readonly<Record<string, ExpectedFailure>>;

/** A plugin entry in its object form. */
export interface PluginEntry {
  /** Relative to the config file's directory. */
  readonly path: string;
  readonly profile?: string;
  readonly dialect?: Readonly<Record<string, string>>;
  readonly config?: unknown;
  /** This plugin's Extism manifest limits, replacing the top-level `extismManifest`. */
  readonly extismManifest?: ExtismManifestLimits;
  readonly expectedFailures?: ExpectedFailures;
}

/** The names `reporters` may list. */
export type ReporterName = 'console' | 'json' | 'junit' | 'html' | 'markdown';

/** A parsed config (the schema's shape). */
export interface PlugcheckConfig {
  readonly plugins?: readonly (string | PluginEntry)[];
  readonly profile?: string;
  readonly dialect?: Readonly<Record<string, string>>;
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  readonly hooks?: readonly string[];
  readonly inputs?: ExtraInputs;
  readonly hostCalls?: Readonly<Record<string, readonly unknown[]>>;
  readonly limits?: {
    readonly callTimeoutMs?: number;
    readonly instantiateTimeoutMs?: number;
    readonly memoryPages?: number;
    readonly fuel?: number;
  };
  readonly extismManifest?: ExtismManifestLimits;
  readonly networkAllowList?: readonly string[];
  readonly seed?: number;
  readonly runs?: number;
  readonly fuzzTimeMs?: number;
  readonly thresholds?: Thresholds;
  readonly reporters?: readonly (ReporterName | { readonly name: ReporterName; readonly out?: string })[];
  readonly out?: string;
}

/**
 * Limits that fail a run where plugcheck's own would pass it. The memory ones replace the limits
 * of `memory.leak-per-call` and `memory.growth-bounded`; the bench ones are not read yet.
 */
export interface Thresholds extends MemoryThresholds {
  readonly maxHostToFloorRatio?: number;
  readonly maxRegressionPercent?: number;
}

/** A config and where it came from. */
export interface LoadedConfig {
  /** The file, as given or found. */
  readonly file: string;
  readonly config: PlugcheckConfig;
}

/**
 * The config keys the engine does not act on yet. They are validated (so a typo is still caught),
 * and `plugcheck test` names the ones a config sets.
 */
export const NOT_YET_USED: readonly string[] = [
  'hostCalls',
  'thresholds.maxHostToFloorRatio',
  'thresholds.maxRegressionPercent',
];

/** Reads and validates a config file. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    throw new ConfigError('PLUGCHECK_BAD_CONFIG', `${file}: cannot be read`, {
      cause: thrown,
      expected: 'a readable plugcheck.config.json',
      received: (thrown as NodeJS.ErrnoException).code ?? String(thrown),
      fix: 'check the --config path, or create the file (its format is schemas/config.schema.json)',
    });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (thrown) {
    throw new ConfigError('PLUGCHECK_BAD_CONFIG', `${file}: is not JSON`, {
      cause: thrown,
      expected: 'a JSON object',
      received: (thrown as Error).message,
      fix: 'fix the JSON syntax (no comments or trailing commas)',
    });
  }
  validateDocument(doc, CONFIG_SCHEMA_ID, file, 'PLUGCHECK_BAD_CONFIG', 'correct the config; its format is schemas/config.schema.json');
  return { file, config: doc as PlugcheckConfig };
}

/** The config `--config` names, else `./plugcheck.config.json` when it exists, else undefined. */
export async function findConfig(explicit: string | undefined, cwd: string = process.cwd()): Promise<LoadedConfig | undefined> {
  if (explicit !== undefined) return loadConfig(explicit);
  const file = join(cwd, CONFIG_FILE);
  try {
    await readFile(file);
  } catch {
    return undefined;
  }
  // Named relative to the process's directory, as every other path plugcheck prints.
  return loadConfig(relative(process.cwd(), file));
}

/** A plugin entry in object form. */
export function entryOf(plugin: string | PluginEntry): PluginEntry {
  return typeof plugin === 'string' ? { path: plugin } : plugin;
}

/** A path from the config (relative to its directory) as the command line names it (relative to cwd). */
export function pathFromConfig(configFile: string, path: string, cwd: string = process.cwd()): string {
  if (isAbsolute(path)) return path;
  return relative(cwd, resolve(cwd, dirname(configFile), path)) || '.';
}

/** The config's entry for a plugin named on the command line, matched by resolved path. */
export function findEntry(loaded: LoadedConfig, plugin: string, cwd: string = process.cwd()): PluginEntry | undefined {
  const wanted = resolve(cwd, plugin);
  return (loaded.config.plugins ?? []).map(entryOf).find((e) => resolve(cwd, pathFromConfig(loaded.file, e.path, cwd)) === wanted);
}

/** The config keys in use that the engine does not act on yet (see NOT_YET_USED). */
export function unusedKeys(config: PlugcheckConfig): string[] {
  const set: Record<string, boolean> = {
    hostCalls: config.hostCalls !== undefined,
    'thresholds.maxHostToFloorRatio': config.thresholds?.maxHostToFloorRatio !== undefined,
    'thresholds.maxRegressionPercent': config.thresholds?.maxRegressionPercent !== undefined,
  };
  return NOT_YET_USED.filter((k) => set[k] === true);
}
