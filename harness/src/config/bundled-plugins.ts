/**
 * The plugins under `plugins-under-test/` that have an expectations file: the corpus plain
 * `npm test` runs every suite over.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** A bundled plugin and its expectations file. */
export interface BundledPlugin {
  readonly name: string;
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
  const files = await readdir(dir);
  return files
    .filter((f) => f.endsWith('.expect.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.expect.json'.length);
      return { name, wasm: join(dir, `${name}.wasm`), expectations: join(dir, f) };
    });
}
