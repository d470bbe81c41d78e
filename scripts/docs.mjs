#!/usr/bin/env node
// Regenerates the README's table of checks from the registry and the bundled plugins' expectations.
//   node scripts/docs.mjs [--check]     (--check: exit 1 when README.md is out of date)
// Needs the compiled harness (npm run build).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const { renderChecksTable, spliceChecksTable } = await import('../dist/docs/checks-table.js');
const current = await readFile(readmePath, 'utf8');
const next = spliceChecksTable(current, await renderChecksTable());
if (process.argv.includes('--check')) {
  if (next !== current) {
    process.stderr.write('README.md checks table is out of date: run `node scripts/docs.mjs`\n');
    process.exit(1);
  }
} else if (next !== current) {
  await writeFile(readmePath, next);
  process.stdout.write('README.md checks table updated\n');
}
