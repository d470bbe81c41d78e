/**
 * The step summary: appended (never overwritten) to the file $GITHUB_STEP_SUMMARY names, with a
 * table of counts per plugin and each check failing the run with its message and replay command.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendStepSummary, formatMarkdownSummary, markdownText } from '../../../src/report/reporters/markdown-reporter.js';
import { removeTempDirs, tempDir } from '../../support/plugcheck-cli.js';
import { reportOf, reported } from '../../support/report-fixture.js';

afterAll(removeTempDirs);

const failing = reportOf(
  [
    reported({ check: 'abi.compiles', status: 'passed', message: 'ok', durationMs: 0 }),
    reported({ check: 'lifecycle.init', status: 'failed', message: 'init returned 1 | <b>bold</b>', evidence: { returned: 1 }, durationMs: 0 }),
    reported({ check: 'lifecycle.cleanup', status: 'skipped', message: 'skipped', durationMs: 0 }),
    reported({ check: 'schema.name', status: 'failed', message: 'known', evidence: { n: 1 }, durationMs: 0 }, { expectation: { status: 'failed', reason: 'tracked', met: true } }),
  ],
  'build/a.wasm',
);
const passing = reportOf([reported({ check: 'abi.compiles', status: 'passed', message: 'ok', durationMs: 0 })], 'build/b.wasm', 'b'.repeat(64));

describe('appendStepSummary', () => {
  it('appends to the file $GITHUB_STEP_SUMMARY names, after what is already there', async () => {
    const file = join(await tempDir(), 'step-summary.md');
    await writeFile(file, '# earlier step\n');
    expect(await appendStepSummary([failing, passing], { GITHUB_STEP_SUMMARY: file })).toBe(file);
    await appendStepSummary([passing], { GITHUB_STEP_SUMMARY: file });
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('# earlier step\n## plugcheck\n')).toBe(true);
    expect(text.match(/^## plugcheck$/gm)?.length).toBe(2);
    const rows = text.split('\n').filter((l) => l.startsWith('| build/'));
    expect(rows[0]).toBe('| build/a.wasm | bifrost-v2 | ❌ fail | 1 | 2 | 0 | 0 | 1 | 1 |');
    expect(rows[1]).toBe('| build/b.wasm | bifrost-v2 | ✅ pass | 1 | 0 | 0 | 0 | 0 | 0 |');
  });

  it('does nothing when the variable is unset or empty', async () => {
    expect(await appendStepSummary([failing], {})).toBeUndefined();
    expect(await appendStepSummary([failing], { GITHUB_STEP_SUMMARY: '' })).toBeUndefined();
  });
});

describe('formatMarkdownSummary', () => {
  it('lists each check failing the run with its message and replay command, not the expected ones', () => {
    const text = formatMarkdownSummary([failing]);
    expect(text).toContain('### build/a.wasm: 1 check failing the run');
    expect(text).toContain('- **lifecycle.init** (failed): init returned 1 \\| &lt;b&gt;bold&lt;/b&gt;');
    expect(text).toContain('  ```sh\n  npx plugcheck test p.wasm --profile bifrost-v2 --only lifecycle.init --seed 7\n  ```');
    expect(text).not.toContain('**schema.name**');
  });

  it('cuts a very long message, saying so', () => {
    const long = reportOf([reported({ check: 'lifecycle.init', status: 'failed', message: 'x'.repeat(2000), evidence: { r: 1 }, durationMs: 0 })]);
    expect(formatMarkdownSummary([long])).toContain(`${'x'.repeat(500)}… (2000 characters; see the JSON report)`);
  });

  it('escapes plugin text so it cannot become markup or break the table', () => {
    expect(markdownText('<img src=x onerror=alert(1)> | *x* `y` [l](u)\n\u0000')).toBe('&lt;img src=x onerror=alert(1)&gt; \\| \\*x\\* \\`y\\` \\[l\\](u) \\\\u0000');
    // (The backslash of a made-visible control character is itself escaped, so Markdown shows `\u0000`.)
  });
});
