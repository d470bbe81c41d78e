/**
 * The HTML report without a browser: escaping, the JSON formatter, the evidence highlights, the
 * memory curves, and the run and bench pages rendered from fixture reports (plugin text full of
 * injection payloads, expectations met and unmet, an A/B comparison with a failing gate).
 * html-report.browser.test.ts opens real reports in Chromium.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/report/check-result.js';
import type { ReportedResult } from '../../../src/report/run-report.js';
import { compactJson } from '../../../src/report/html/compact-json.js';
import { highlightsOf, messageView } from '../../../src/report/html/evidence-view.js';
import { inlineCode } from '../../../src/report/html/inline-code.js';
import { formatBytes, formatDuration, formatUs } from '../../../src/report/html/format-numbers.js';
import { memoryCurves } from '../../../src/report/html/memory-curves.js';
import { contentSecurityPolicy } from '../../../src/report/html/page-template.js';
import { PAGE_SCRIPT } from '../../../src/report/html/page-script.js';
import { renderRunPage } from '../../../src/report/html/run-page.js';
import { renderBenchPage } from '../../../src/report/html/bench-page.js';
import { escapeHtml, html, SafeHtml } from '../../../src/report/html/safe-html.js';
import { verdictSentence } from '../../../src/report/html/verdict-section.js';
import { BENCH_HTML_REPORT_FILE, HTML_REPORT_FILE, writeBenchHtmlReport, writeHtmlReport } from '../../../src/report/reporters/html-reporter.js';
import { SCHEMA_BASE_URI } from '../../../src/schema/schema-files.js';
import { schemaRegistry } from '../../../src/schema/schema-registry.js';
import { benchReportFixture } from '../../support/bench-report-fixture.js';
import { removeTempDirs, tempDir } from '../../support/plugcheck-cli.js';
import { reported, reportOf } from '../../support/report-fixture.js';

afterAll(removeTempDirs);

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '</script><script>window.__pwned=2</script>';
const SVG = `"'><svg onload="window.__pwned=3">`;

/** Every element/attribute a payload would create if it reached the page as markup. */
const INJECTED = [/<img/i, /<\/script><script>/i, /<svg onload/i, /on(error|load)="/i];

const samples = (n: number, bytesPerCall: number) => Array.from({ length: n }, (_, i) => ({ call: i + 1, pages: 1 + Math.floor((i * bytesPerCall) / 65536), liveBytes: 400 + i * bytesPerCall }));

/** A reported result with a default message and duration. */
const result = (r: { check: string; status: string; message?: string; evidence?: Record<string, unknown>; expectation?: ReportedResult['expectation'] }): ReportedResult => {
  const { expectation, ...rest } = r;
  return reported({ message: `${r.check} ${r.status}`, durationMs: 1.5, ...rest } as CheckResult, expectation === undefined ? {} : { expectation });
};

const leakEvidence = { hook: 'http_pre_hook', warmUpCalls: 20, liveBytesPerCall: 1040, memoryBytesPerCall: 0, reused: samples(200, 1040), fresh: samples(3, 0) };

const hostile = reportOf([
  result({ check: 'lifecycle.get-name', status: 'passed', message: `name is "${IMG}"`, evidence: { name: IMG, ptr: 16, len: 38 } }),
  result({
    check: 'semantics.single-document',
    status: 'failed',
    message: `\`pre_hook\`: output ${SCRIPT} is not JSON | \`post_hook\`: output ${SVG} is not JSON`,
    evidence: { failing: [{ call: 'pre_hook seed-example', input: ['{"context":{}}'], output: SCRIPT }, { call: 'post_hook', output: SVG }], fix: `answer one document, not ${SVG}` },
  }),
  result({ check: 'fuzz.valid-inputs', status: 'failed', message: 'trapped', evidence: { seed: 7, shrinkPath: '11:0:3', input: IMG, trap: { kind: 'unreachable', message: SCRIPT } } }),
  result({ check: 'memory.leak-per-call', status: 'failed', message: 'leaks 1040 bytes per call', evidence: leakEvidence }),
  result({ check: 'memory.growth-bounded', status: 'passed', message: 'bounded', evidence: leakEvidence }),
  result({ check: 'abi.compiles', status: 'errored', message: 'internal', expectation: { status: 'errored', reason: `known ${IMG}`, link: 'https://example.invalid/issue/1', met: true } }),
  result({ check: 'abi.memory-exported', status: 'passed', message: 'exported', expectation: { status: 'failed', reason: 'was broken', met: false } }),
  result({ check: 'fuzz.call-sequences', status: 'skipped', message: 'skipped because fuzz.valid-inputs failed' }),
], `plugins/${IMG}.wasm`);

describe('escaping', () => {
  it('escapes the five HTML specials and the backtick, and makes control characters visible', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\u001bc\u007f')).toBe('a\u2400b\u241bc\u2421');
    expect(escapeHtml('tab\tand\nnewline')).toBe('tab\tand\nnewline');
  });
  it('the html tag escapes every interpolation but fragments, and flattens lists', () => {
    const inner = html`<b>${IMG}</b>`;
    const out = html`<p title="${SVG}">${SCRIPT}${inner}${[1, html`<i>2</i>`, null, undefined, false]}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<p title="&quot;&#39;&gt;&lt;svg onload=&quot;window.__pwned=3&quot;&gt;">&lt;/script&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;<b>&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;</b>1<i>2</i></p>',
    );
  });
});

describe('compactJson', () => {
  it('keeps short values on one line and indents long ones, round-tripping exactly', () => {
    const value = { a: 1, list: samples(30, 8), s: 'x [ y ], "z"', nested: { deep: { text: 'q'.repeat(120), empty: [], none: {} } }, skip: undefined };
    const text = compactJson(value);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(text.split('\n')).toContain('    {"call": 1, "pages": 1, "liveBytes": 400},');
    expect(compactJson({ a: [1, 2], b: 'c' })).toBe('{"a": [1, 2], "b": "c"}');
    expect(text).not.toContain('skip');
  });
});

describe('evidence', () => {
  it('highlights facts at the top level, then the distinct values from the entries of a list', () => {
    const hs = highlightsOf({ failing: [{ input: ['i'], output: 'o' }, { output: 'second' }, { output: 'o' }], fix: 'f', seed: 3 });
    expect(hs.map((h) => [h.label, h.path, h.values])).toEqual([
      ['input', 'failing[].input', [['i']]],
      ['output', 'failing[].output', ['o', 'second']],
      ['seed', 'seed', [3]],
      ['fix', 'fix', ['f']],
    ]);
  });
  it('backtick spans become code, still escaped; unbalanced backticks stay text', () => {
    expect(inlineCode('`init` returned `<b>`').value).toBe('<code>init</code> returned <code>&lt;b&gt;</code>');
    expect(inlineCode('a ` b').value).toBe('a &#96; b');
    expect(inlineCode('no code').value).toBe('no code');
  });
  it('a message joining findings with " | " becomes a list', () => {
    expect(messageView('a | `b`').value).toBe('<ul class="message"><li>a</li><li><code>b</code></li></ul>');
    expect(messageView('one').value).toBe('<p class="message">one</p>');
  });
  it('memory curves come from memory.* evidence, equal curves merged, short series ignored', () => {
    const curves = memoryCurves(hostile.results);
    expect(curves).toHaveLength(1);
    expect(curves[0]?.checks).toEqual(['memory.leak-per-call', 'memory.growth-bounded']);
    expect(curves[0]?.samples).toHaveLength(200);
    expect(curves[0]?.warmUpCalls).toBe(20);
  });
  it('numbers read as people write them', () => {
    expect([formatDuration(0.04), formatDuration(0.5), formatDuration(12.4), formatDuration(1300)]).toEqual(['<0.1 ms', '0.5 ms', '12 ms', '1.30 s']);
    expect([formatUs(0.2851), formatUs(7.6), formatUs(42.13), formatUs(1234.5)]).toEqual(['0.285', '7.60', '42.1', '1,235']);
    expect([formatBytes(64), formatBytes(1024), formatBytes(1536), formatBytes(1 << 20)]).toEqual(['64 B', '1 KiB', '1.5 KiB', '1 MiB']);
  });
});

describe('the run page', async () => {
  const page = await renderRunPage([hostile, reportOf([result({ check: 'abi.compiles', status: 'passed' })], 'plugins-under-test/b.wasm')], new Date('2026-11-23T15:00:00Z'));

  it('shows plugin text only as escaped text and names no URL', () => {
    for (const pattern of INJECTED) expect(page).not.toMatch(pattern);
    expect(page).toContain(escapeHtml(IMG));
    expect(page).toContain(escapeHtml(SCRIPT));
    expect(page).toContain(escapeHtml(SVG));
    // The only URL-like text is the expectation's link, written as text, never as an href.
    expect(page.match(/:\/\//g)).toHaveLength(1);
    expect(page).not.toMatch(/(src|href)="(?!#)/);
    expect(page.match(/<script>/g)).toHaveLength(1);
  });
  it('allows exactly its own script by hash and nothing else', () => {
    expect(page).toContain(`content="${escapeHtml(contentSecurityPolicy(PAGE_SCRIPT))}"`);
    expect(contentSecurityPolicy(PAGE_SCRIPT)).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(page).toContain(`<script>${PAGE_SCRIPT}</script>`);
  });
  it('carries the counts of each summary and of the run', () => {
    const counts = [...page.matchAll(/<ul class="counts counts-(\w+)"[^>]*>(.*?)<\/ul>/g)].map((m) =>
      Object.fromEntries([...(m[2] ?? '').matchAll(/data-count="(\w+)">(\d+)</g)].map((c) => [c[1], Number(c[2])])),
    );
    expect(counts[0]).toEqual({ ...hostile.summary, total: hostile.summary.total + 1, passed: hostile.summary.passed + 1 });
    expect(counts[1]).toEqual(hostile.summary);
    expect(hostile.summary).toMatchObject({ total: 8, passed: 3, failed: 3, errored: 1, skipped: 1 });
  });
  it('has one filterable tbody per check, failures with evidence, replay and copy button', () => {
    expect([...page.matchAll(/<tbody class="check [^"]*" data-status="([^"]+)" data-check="([^"]+)">/g)].map((m) => `${m[2]}=${m[1]}`)).toEqual([
      ...hostile.results.map((r) => `${r.check}=${r.status}`),
      'abi.compiles=passed',
    ]);
    expect(page.match(/<tr class="detail">/g)).toHaveLength(5); // 3 failed, 1 expected error, 1 unmet expectation
    expect(page).toContain('<code class="replay-cmd">npx plugcheck test p.wasm --profile bifrost-v2 --only fuzz.valid-inputs --seed 7</code><button type="button" class="copy"');
    expect(page).toContain('<dt title="seed">seed</dt><dd><pre class="value">7</pre></dd>');
    expect(page).toContain('<dt title="shrinkPath">shrink path</dt><dd><pre class="value">11:0:3</pre></dd>');
    expect(page).toContain(`<dt title="failing[].output">output</dt><dd><pre class="value">${escapeHtml(SCRIPT)}</pre><pre class="value">${escapeHtml(SVG)}</pre></dd>`);
  });
  it('says in one sentence which checks failed, or that all held', () => {
    const good = reportOf([result({ check: 'abi.compiles', status: 'passed' })], 'plugins-under-test/b.wasm');
    const bad = reportOf([result({ check: 'abi.compiles', status: 'failed' }), result({ check: 'abi.imports-provided', status: 'timed-out' })]);
    expect(verdictSentence([bad])).toBe('2 checks failed: abi.compiles, abi.imports-provided.');
    expect(verdictSentence([bad, hostile])).toMatch(/^6 checks failed in 2 of 2 plugins: abi\.compiles, abi\.imports-provided, semantics\.single-document, …; 1 expected failure as configured\.$/);
    expect(verdictSentence([hostile, good])).toBe(
      '4 checks failed in 1 of 2 plugins: semantics.single-document, fuzz.valid-inputs, memory.leak-per-call, …; 1 expected failure as configured.',
    );
    expect(verdictSentence([good])).toBe('Every check of 1 plugin held (1 check run).');
    expect(page).toContain('<p class="verdict-text">4 checks failed in 1 of 2 plugins: semantics.single-document');
  });
  it('marks expected failures and unmet expectations', () => {
    expect(page).toMatch(/<tbody class="check v-expected" data-status="errored" data-check="abi.compiles">/);
    expect(page).toContain('<strong>expected errored</strong> — known &lt;img');
    expect(page).toMatch(/<tbody class="check v-bad unmet" data-status="passed" data-check="abi.memory-exported">/);
    expect(page).toContain('<strong>expected failed, but it passed</strong>');
  });
  it('draws the memory curve as an inline SVG chart and has by-profile and by-plugin tables', () => {
    expect(page).toMatch(/<section class="memory"><h3>Memory against calls<\/h3><figure class="chart" role="img" aria-label="memory.leak-per-call, memory.growth-bounded: [^"]*"><svg /);
    expect(page).toContain('heap live bytes');
    expect(page).toMatch(/<tr data-profile="bifrost-v2"><td><code>bifrost-v2<\/code><\/td><td class="num">2<\/td><td class="num">9<\/td>/);
    expect(page).toContain('<h2>By plugin</h2>');
    expect(page).toContain('<span class="plugin-name">&lt;img src=x');
  });
  it('is written to <out>/plugcheck-report.html', async () => {
    const out = await tempDir();
    const path = await writeHtmlReport([hostile], out);
    expect(path).toBe(join(out, HTML_REPORT_FILE));
    const written = await readFile(path, 'utf8');
    expect(written).toMatch(/^<!doctype html>/);
    expect(written).toContain('<title>plugcheck FAIL: plugins/&lt;img');
  });
  it('refuses an empty run', async () => {
    await expect(renderRunPage([])).rejects.toThrow(/at least one plugin report/);
  });
});

describe('the bench page', async () => {
  const bench = benchReportFixture(`bench/${SCRIPT}.wasm`);
  const page = await renderBenchPage(bench, new Date('2026-11-23T15:00:00Z'));

  it('the fixture is a valid bench report', () => {
    const validate = schemaRegistry().validator(`${SCHEMA_BASE_URI}bench-report.schema.json`);
    expect(validate, 'bench-report.schema.json is registered').toBeDefined();
    const valid = validate?.(JSON.parse(JSON.stringify(benchReportFixture())));
    expect(valid, (validate?.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ')).toBe(true);
  });
  it('draws phase splits, payload sweeps and the A/B intervals as inline SVG', () => {
    expect(page.match(/<figure class="chart"[^>]*><svg /g)).toHaveLength(5); // 2 plugins × (phase split, sweep) + comparison
    expect(page).toContain('phase split (share of a call’s time)');
    expect(page).toContain('payload sweep (mean µs per call)');
    expect(page).toContain('time ratio subject / baseline (99 % interval)');
    expect(page).not.toContain('://');
  });
  it('tabulates every size, phase, fit and comparison row, and the failing gate', () => {
    expect(page.match(/<tr data-size="/g)).toHaveLength(6);
    expect(page.match(/<tr data-phase="/g)).toHaveLength(10);
    expect(page).toContain('<td class="num">1.04×</td>');
    expect(page).toContain('<span class="verdict-badge fail">gate FAIL</span>');
    expect(page).toContain('<li>pre_hook 4 KiB: time ratio 1.25 (interval 1.15–1.35) exceeds 1.05</li>');
    expect(page.match(/<span class="ab ab-fail">slower<\/span>/g)?.length).toBeGreaterThanOrEqual(5);
    expect(page).toContain('<span class="ab ab-same">no detectable difference</span>');
  });
  it('escapes the plugin paths it shows', () => {
    for (const pattern of INJECTED) expect(page).not.toMatch(pattern);
    expect(page).toContain(escapeHtml(SCRIPT));
  });
  it('is written to <out>/plugcheck-bench.html', async () => {
    const out = await tempDir();
    expect(await writeBenchHtmlReport(bench, out)).toBe(join(out, BENCH_HTML_REPORT_FILE));
  });
});
