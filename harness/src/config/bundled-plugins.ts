/**
 * The plugins under `plugins-under-test/` that have an expectations file: the corpus plain
 * `npm test` runs every suite over.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** A bundled plugin and its expectations file. */
export interface BundledPlugin {
  readonly name: string;
  /** The plugin argument: the expectations' `plugin` (a module, manifest or directory) under the corpus dir. */
  readonly wasm: string;
  readonly expectations: string;
}

/** The `plugins-under-test/` directory of this checkout. */
export function bundledPluginsDir(): string {
  // Works from harness/src/config (sources) and dist/config (built): find the repo by walking up.
  const here = fileURLToPath(import.meta.url);
  const root = here.includes('/harness/src/') ? here.slice(0, here.indexOf('/harness/src/')) : here.slice(0, here.lastIndexOf('/dist/'));
  return join(root, 'plugins-under-test');
}

/** Every bundled plugin with an expectations file, sorted by name. */
export async function listBundledPlugins(dir: string = bundledPluginsDir()): Promise<BundledPlugin[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.expect.json')).sort();
  return Promise.all(
    files.map(async (f) => {
      const name = f.slice(0, -'.expect.json'.length);
      // The expectations name the plugin; loadExpectations validates the rest of the file.
      const { plugin } = JSON.parse(await readFile(join(dir, f), 'utf8')) as { plugin?: unknown };
      return { name, wasm: join(dir, typeof plugin === 'string' ? plugin : `${name}.wasm`), expectations: join(dir, f) };
    }),
  );
}
