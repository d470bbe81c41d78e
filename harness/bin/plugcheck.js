#!/usr/bin/env node
// The plugcheck command: a thin shim into the compiled CLI (built by `npm run build`, which `npm ci` runs).
import { existsSync } from 'node:fs';

const entry = new URL('../../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('PLUGCHECK_INTERNAL: plugcheck is not built\n  fix: run `npm run build` (npm ci runs it for you)\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
