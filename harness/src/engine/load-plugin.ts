/**
 * Reads a plugin file, hashes it and inspects it: the first step of every command. Anything
 * that keeps plugcheck from running is a coded error with a fix.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { PluginLoadError } from '../errors.js';
import { inspectModule } from '../wasm/index.js';
import type { ModuleInfo } from '../wasm/index.js';

/** A plugin read from disk and inspected. */
export interface LoadedPlugin {
  readonly path: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly sha256: string;
  readonly module: ModuleInfo;
}

/** Reads and inspects a `.wasm` file. */
export async function loadPlugin(path: string): Promise<LoadedPlugin> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new PluginLoadError('PLUGCHECK_FILE_UNREADABLE', `${path} is a directory`, {
        expected: 'a .wasm file',
        received: 'a directory',
        fix: 'pass the path of the built plugin, e.g. build/plugin.wasm',
      });
    }
    bytes = new Uint8Array(await readFile(path));
  } catch (thrown) {
    if (thrown instanceof PluginLoadError) throw thrown;
    const code = (thrown as NodeJS.ErrnoException).code ?? 'error';
    throw new PluginLoadError('PLUGCHECK_FILE_UNREADABLE', `cannot read ${path} (${code})`, {
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
  return { path, bytes, sha256, module };
}
