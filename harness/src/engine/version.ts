/**
 * plugcheck's own version, read once from its package.json. The file is found by walking up,
 * because this module runs both from `dist/` and from the TypeScript sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function readOwnPackage(): { version: string } {
  let dir = new URL('./', import.meta.url);
  for (let depth = 0; depth < 6; depth++) {
    const candidate = fileURLToPath(new URL('package.json', dir));
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'plugcheck') return pkg;
    }
    dir = new URL('../', dir);
  }
  return { version: '0.0.0' };
}

/** The version in package.json. */
export const PLUGCHECK_VERSION: string = readOwnPackage().version;
