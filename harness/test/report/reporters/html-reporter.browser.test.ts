/**
 * The HTML report in a real browser (Debian's chromium driven by playwright-core): reports written
 * by the real CLI for a good plugin, a leaking one (memory curves) and one whose name and answers
 * are injection payloads, plus a bench report. Each page must load with no console or page error
 * and no request but its own file, show the JSON report's counts, filter correctly, draw its charts
 * as SVG, and show every payload as text with nothing run. Full-page screenshots go to
 * reports/screenshots/ for a person to look at.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchHtmlReport } from '../../../src/report/reporters/html-reporter.js';
import { benchReportFixture } from '../../support/bench-report-fixture.js';
import { lines, readReport, removeTempDirs, ROOT, runPlugcheck, tempDir } from '../../support/plugcheck-cli.js';
import type { JsonReport } from '../../support/plugcheck-cli.js';

/** Where Debian's chromium package puts the browser (.ci/run installs it). */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(ROOT, 'reports', 'screenshots');

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '</script><script>window.__pwned=2</script>';
const SVG = `"'><svg onload="window.__pwned=3">`;

const PLUGINS = {
  good: 'bifrost-v2-good-wat',
  leak: 'bifrost-v2-memory-leak-block',
  xss: 'bifrost-v2-xss-name',
} as const;
type Kind = keyof typeof PLUGINS;

interface Written {
  readonly html: string;
  readonly json: JsonReport;
}

/** What a page did while it loaded and was used. */
interface Visit {
  readonly page: Page;
  readonly problems: string[];
  readonly requests: string[];
}

let browser: Browser;
const written = new Map<Kind, Written>();
const visits = new Map<string, Promise<Visit>>();

/** Runs `plugcheck test` as a user would and checks the last two lines name the JSON and HTML reports. */
async function writeReport(kind: Kind): Promise<Written> {
  const out = await tempDir();
  // 50 generated cases per fuzz check instead of 200: the page is what is tested, not the fuzzer.
  const run = await runPlugcheck(['test', `plugins-under-test/${PLUGINS[kind]}.wasm`, '--out', out, '--runs', '50']);
  expect(run.stderr).toBe('');
  // On a surprise, show what did not pass rather than 30 PASS lines.
  expect(run.exitCode, run.stdout.split('\n').filter((l) => !/^\s+PASS /.test(l)).join('\n')).toBe(kind === 'good' ? 0 : 1);
  const html = join(out, 'plugcheck-report.html');
  expect(lines(run.stdout).slice(-2)).toEqual([`json: ${join(out, 'plugcheck-report.json')}`, `report: ${html}`]);
  return { html, json: await readReport(out) };
}

async function open(file: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const url = pathToFileURL(file).href;
  const result: Visit = { page, problems: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') result.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => result.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => result.requests.push(r.url()));
  // Anything but the page itself is refused (and recorded above), so nothing leaves the machine.
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load' });
  // Let the page script and any late resource settle before anyone judges.
  await page.waitForLoadState('networkidle');
  return result;
}

/** The page of a file, opened once and shared by the tests (each leaves it as it found it). */
function visit(file: string): Promise<Visit> {
  const known = visits.get(file);
  if (known !== undefined) return known;
  const opening = open(file);
  visits.set(file, opening);
  return opening;
}

const page = (kind: Kind): Promise<Visit> => visit(written.get(kind)?.html ?? '');

async function screenshot(p: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await p.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The checks shown, as `id=status`, in page order. */
const visibleChecks = (p: Page): Promise<string[]> =>
  p.$$eval('tbody.check', (bodies) => bodies.filter((b) => !(b as HTMLElement).hidden && (b as HTMLElement).offsetParent !== null).map((b) => `${b.getAttribute('data-check')}=${b.getAttribute('data-status')}`));

const shownText = (p: Page): Promise<string> => p.locator('#shown-count').innerText();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`the HTML report's browser test needs Debian's chromium at ${CHROMIUM}: install it with \`apt-get install chromium\` (.ci/run does)`);
  }
  const launching = chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const reports = await Promise.all((Object.keys(PLUGINS) as Kind[]).map(async (k) => [k, await writeReport(k)] as const));
  for (const [k, w] of reports) written.set(k, w);
  browser = await launching;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await removeTempDirs();
});

describe('the HTML report in Chromium', () => {
  it('every page loads with no console error, no page error and no request but its own file', async () => {
    for (const kind of Object.keys(PLUGINS) as Kind[]) {
      const v = await page(kind);
      expect(v.problems, kind).toEqual([]);
      expect(v.requests, kind).toEqual([pathToFileURL(written.get(kind)?.html ?? '').href]);
      expect(await v.page.evaluate(() => document.documentElement.classList.contains('js')), `${kind}: the page script ran`).toBe(true);
      // Nothing that could load: no src, no link off the page, no URL anywhere in the file
      // (these plugins' inputs and outputs hold none, so any would be the page's own).
      expect(await v.page.locator('[src], [href]:not([href^="#"]), link, iframe, object, embed').count(), kind).toBe(0);
      expect(await readFile(written.get(kind)?.html ?? '', 'utf8'), kind).not.toMatch(/:\/\//);
      await screenshot(v.page, `html-report-${kind}`);
    }
  });

  it('shows the counts of the JSON report, and one row per check in the same order with the same status', async () => {
    for (const kind of Object.keys(PLUGINS) as Kind[]) {
      const { json } = written.get(kind) as Written;
      const { page: p } = await page(kind);
      for (const scope of ['run', 'plugin']) {
        const counts = await p.$$eval(`[data-scope="${scope}"] [data-count]`, (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-count'), Number(e.textContent)])));
        expect(counts, `${kind} ${scope}`).toEqual(json.summary);
      }
      expect(await visibleChecks(p), kind).toEqual(json.results.map((r) => `${r.check}=${r.status}`));
      expect(await p.locator('.verdict').getAttribute('data-verdict'), kind).toBe(kind === 'good' ? 'pass' : 'fail');
      expect(await p.locator('.plugin-facts').innerText(), kind).toContain(json.plugin.sha256);
    }
  });

  it('the status and check-id filters hide and show rows', async () => {
    const { json } = written.get('leak') as Written;
    const { page: p } = await page('leak');
    const all = json.results.map((r) => `${r.check}=${r.status}`);
    const problems = json.results.filter((r) => ['failed', 'errored', 'timed-out'].includes(r.status)).map((r) => `${r.check}=${r.status}`);
    expect(problems.length).toBeGreaterThan(0);

    await p.getByRole('button', { name: 'problems only' }).click();
    expect(await visibleChecks(p)).toEqual(problems);
    expect(await shownText(p)).toBe(`showing ${problems.length} of ${all.length} checks`);

    await p.getByRole('button', { name: 'all' }).click();
    expect(await visibleChecks(p)).toEqual(all);

    await p.locator('#check-filter').fill('memory.');
    expect(await visibleChecks(p)).toEqual(all.filter((c) => c.startsWith('memory.')));
    await p.locator('#check-filter').fill('ABI.*');
    const abi = all.filter((c) => c.startsWith('abi.'));
    expect(abi.length).toBeGreaterThan(1);
    expect(await visibleChecks(p)).toEqual(abi);

    // Both at once: nothing of abi.* failed, so the table says so instead of going blank.
    await p.locator('.filters input[value="passed"]').uncheck();
    expect(await visibleChecks(p)).toEqual(abi.filter((c) => !c.endsWith('=passed')));
    expect(await p.locator('tbody.none-match').isVisible()).toBe(true);

    await p.locator('#check-filter').fill('');
    expect(await visibleChecks(p)).toEqual(all.filter((c) => !c.endsWith('=passed')));
    await p.locator('.filters input[value="passed"]').check();
    expect(await visibleChecks(p)).toEqual(all);
    expect(await p.locator('tbody.none-match').isVisible()).toBe(false);
  });

  it('a failure shows its evidence and a replay command that the copy button takes', async () => {
    const { json } = written.get('leak') as Written;
    const { page: p } = await page('leak');
    const leak = json.results.find((r) => r.check === 'memory.leak-per-call');
    expect(leak?.status).toBe('failed');
    const body = p.locator('tbody.check[data-check="memory.leak-per-call"]');
    await expect.poll(() => body.locator('.replay-cmd').innerText()).toBe(leak?.replay);
    await body.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => body.locator('button.copy').innerText()).toMatch(/^(Copied|Selected)$/);
  });

  it('draws the memory curves as SVG charts from the memory checks\' evidence', async () => {
    const { page: p } = await page('leak');
    const chart = p.locator('section.memory figure.chart');
    expect(await chart.count()).toBe(1);
    expect(await chart.locator('svg').count()).toBe(1);
    // Two line marks (live bytes, pages), each a real path with many points.
    const paths = await chart.locator('svg .mark-line path').evaluateAll((ps) => ps.map((x) => (x.getAttribute('d') ?? '').split(/[LM]/).length));
    expect(paths).toHaveLength(2);
    for (const points of paths) expect(points).toBeGreaterThan(50);
    expect(await chart.locator('figcaption').innerText()).toContain('memory.leak-per-call');
    const box = await chart.locator('svg').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
  });

  it('shows the XSS plugin\'s name and answers as text and runs none of them', async () => {
    const { json } = written.get('xss') as Written;
    const { page: p, problems } = await page('xss');
    // Some check fails with the payloads in its evidence, and the name is the get_name payload.
    const failed = json.results.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(JSON.stringify(failed.map((r) => r.evidence))).toContain(SCRIPT);
    expect(await p.locator('.plugin-name').innerText()).toBe(IMG);

    const text = await p.evaluate(() => document.body.textContent ?? '');
    for (const payload of [IMG, SCRIPT, SVG]) expect(text).toContain(payload);
    // Unfold every evidence block and hover, giving any smuggled handler its chance.
    await p.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await p.mouse.move(300, 300);
    await p.mouse.move(600, 900);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await p.locator('img').count()).toBe(0);
    expect(await p.locator('script').count()).toBe(1);
    expect(await p.locator('[onerror], [onload]').count()).toBe(0);
    expect(await p.locator('svg').count()).toBe(await p.locator('figure.chart svg').count());
    expect(problems).toEqual([]);
    await screenshot(p, 'html-report-xss-evidence-open');
  });

  it('prints without the filter bar and copy buttons, evidence unfolded', async () => {
    const { page: p } = await page('leak');
    await p.emulateMedia({ media: 'print' });
    await p.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await p.locator('.filters').isVisible()).toBe(false);
    expect(await p.locator('button.copy').first().isVisible()).toBe(false);
    expect(await p.$$eval('details', (ds) => ds.every((d) => (d as HTMLDetailsElement).open))).toBe(true);
    await p.emulateMedia({ media: 'screen' });
  });

  it('the bench report renders its charts with no error and no request', async () => {
    const out = await tempDir();
    const v = await visit(await writeBenchHtmlReport(benchReportFixture(), out));
    expect(v.problems).toEqual([]);
    expect(v.requests).toHaveLength(1);
    expect(await v.page.locator('figure.chart svg').count()).toBe(5);
    expect(await v.page.locator('.gate.fail li').count()).toBe(2);
    await screenshot(v.page, 'html-bench-report');
  });
});
