/**
 * The README's checks table is generated; this fails when someone adds a check or a faulty
 * plugin without regenerating it (`node scripts/docs.mjs`).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { renderChecksTable, spliceChecksTable } from '../../src/docs/checks-table.js';

const README = new URL('../../../README.md', import.meta.url);

describe('README checks table', () => {
  it('is current', async () => {
    const readme = await readFile(README, 'utf8');
    expect(spliceChecksTable(readme, await renderChecksTable()), 'run `node scripts/docs.mjs`').toBe(readme);
  });

  it('has one row per check definition', async () => {
    const table = await renderChecksTable();
    expect(table.split('\n').filter((l) => l.startsWith('| `')).length).toBe(CHECKS.length);
  });
});
