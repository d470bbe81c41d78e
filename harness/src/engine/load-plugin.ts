/**
 * Reads a plugin, hashes it and inspects it: the first step of every command. A plugin is a
 * `.wasm` file, or a manifest (`extension.toml`, FrankenTerm) or a directory holding one, whose
 * `[engine].entry` names the module. Anything that keeps plugcheck from running is a coded error
 * with a fix.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ConfigError, PluginLoadError } from '../errors.js';
import type { PluginManifest } from '../profiles/profile.js';
import { inspectModule } from '../wasm/index.js';
import type { ModuleInfo } from '../wasm/index.js';

/** The manifest file name plugcheck looks for in a plugin directory. */
export const MANIFEST_FILE = 'extension.toml';
/** FrankenTerm's default `[engine].entry`. */
export const DEFAULT_ENTRY = 'main.wasm';

/** A plugin read from disk and inspected. */
export interface LoadedPlugin {
  /** The path of the `.wasm` module. */
  readonly path: string;
  /** The manifest, when the plugin was given as one (or as its directory). */
  readonly manifest?: PluginManifest | undefined;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly sha256: string;
  readonly module: ModuleInfo;
}

async function readManifest(path: string): Promise<PluginManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (thrown) {
    throw new PluginLoadError('PLUGCHECK_FILE_UNREADABLE', `cannot read ${path}`, { cause: thrown, fix: 'check the path and permissions' });
  }
  try {
    return { path, data: parseToml(text) };
  } catch (thrown) {
    throw new ConfigError('PLUGCHECK_BAD_MANIFEST', `${path} is not valid TOML: ${(thrown as Error).message.split('\n')[0] ?? ''}`, {
      expected: 'an extension.toml manifest',
      received: 'a TOML syntax error',
      fix: 'fix the TOML syntax at the line named above',
      cause: thrown,
    });
  }
}

function entryOf(manifest: PluginManifest): string {
  const engine = (manifest.data as { engine?: { entry?: unknown } }).engine;
  const entry = engine?.entry ?? DEFAULT_ENTRY;
  if (typeof entry !== 'string' || entry.length === 0) {
    throw new ConfigError('PLUGCHECK_BAD_MANIFEST', `${manifest.path}: [engine].entry must be a file name`, {
      expected: 'a string such as "main.wasm"',
      received: JSON.stringify(entry),
      fix: 'set [engine] entry = "main.wasm" (or leave it out for the default)',
    });
  }
  return join(dirname(manifest.path), entry);
}

/** Turns a plugin argument (module, manifest or directory) into the module path and manifest. */
export async function resolvePluginPath(path: string): Promise<{ wasm: string; manifest?: PluginManifest }> {
  let isDirectory = false;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch {
    return { wasm: path };
  }
  if (isDirectory) {
    const candidate = join(path, MANIFEST_FILE);
    try {
      await stat(candidate);
    } catch {
      throw new PluginLoadError('PLUGCHECK_FILE_UNREADABLE', `${path} is a directory without an ${MANIFEST_FILE}`, {
        expected: `a .wasm file, an ${MANIFEST_FILE}, or a directory holding one`,
        received: 'a directory',
        fix: 'pass the path of the built plugin, e.g. build/plugin.wasm',
      });
    }
    path = candidate;
  }
  if (path.endsWith('.toml')) {
    const manifest = await readManifest(path);
    return { wasm: entryOf(manifest), manifest };
  }
  return { wasm: path };
}

/** Reads and inspects a plugin given as a `.wasm`, a manifest, or a directory holding a manifest. */
export async function loadPlugin(argument: string): Promise<LoadedPlugin> {
  const { wasm: path, manifest } = await resolvePluginPath(argument);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code ?? 'error';
    // A module named by a manifest: say which key named it, so the manifest can be fixed.
    const namedBy = manifest === undefined ? '' : `, the [engine].entry of ${manifest.path} (default main.wasm)`;
    throw new PluginLoadError('PLUGCHECK_FILE_UNREADABLE', `cannot read ${path}${namedBy} (${code})`, {
      expected: 'a readable .wasm file',
      received: code === 'ENOENT' ? 'no such file' : code,
      fix: code === 'ENOENT' ? 'check the path; build the plugin first if it does not exist yet' : 'check the file permissions',
      cause: thrown,
    });
  }
  let module: ModuleInfo;
  try {
    module = inspectModule(bytes);
  } catch (thrown) {
    if (!(thrown instanceof PluginLoadError)) throw thrown;
    // Name the file: the inspector only knows bytes.
    throw new PluginLoadError(thrown.code, `${path}: ${thrown.message}`, {
      expected: thrown.expected,
      received: thrown.received,
      fix: thrown.fix,
      cause: thrown,
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { path, manifest, bytes, sha256, module };
}
