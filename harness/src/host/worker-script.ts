/**
 * Where the worker's entry script is. Workers need compiled JavaScript, so when plugcheck runs
 * from its TypeScript sources (under vitest) the worker still starts from `dist/`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlugcheckError } from '../errors.js';

/** The URL of `worker-entry.js`, next to this file in `dist/host/`. */
export function workerScriptUrl(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.ts')
    ? new URL(here.replace(/\/harness\/src\/host\/worker-script\.ts$/, '/dist/host/worker-entry.js'))
    : new URL('./worker-entry.js', here);
  if (!existsSync(fileURLToPath(url))) {
    throw new PlugcheckError('PLUGCHECK_INTERNAL', 'the compiled plugin worker is missing', {
      expected: fileURLToPath(url),
      received: 'no such file',
      fix: 'run `npm run build` (npm ci and npm test do this for you)',
    });
  }
  return url;
}
