#!/usr/bin/env node
// The plugcheck command: a thin shim into the compiled CLI (built by `npm run build`, which `npm ci` runs).
import { existsSync } from 'node:fs';

const entry = new URL('../../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('PLUGCHECK_INTERNAL: plugcheck is not built\n  fix: run `npm run build` (npm ci runs it for you)\n');
  process.exit(2);
}
// A reader that goes away early (`plugcheck inspect x.wasm | head`) is not an error of plugcheck's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
