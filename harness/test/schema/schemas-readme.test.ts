/**
 * schemas/README.md is generated from the schema files; this fails when someone changed a schema
 * and forgot to regenerate it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runNode } from '../support/plugcheck-cli.js';

describe('schemas/README.md', () => {
  it('is current (node scripts/schemas-readme.mjs)', async () => {
    const run = await runNode(join(ROOT, 'scripts', 'schemas-readme.mjs'), ['--check']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });
});
