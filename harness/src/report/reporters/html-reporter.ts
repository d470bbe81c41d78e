/**
 * The HTML reporter: writes a self-contained page (no request of any kind, charts as inline SVG)
 * for a test run, `<out>/plugcheck-report.html`, and for a benchmark run, `<out>/plugcheck-bench.html`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchReport } from '../../bench/bench-report.js';
import { renderBenchPage } from '../html/bench-page.js';
import { renderRunPage } from '../html/run-page.js';
import type { RunReport } from '../run-report.js';

/** The file name of the HTML report of a test run inside the output directory. */
export const HTML_REPORT_FILE = 'plugcheck-report.html';

/** The file name of the HTML report of a benchmark run inside the output directory. */
export const BENCH_HTML_REPORT_FILE = 'plugcheck-bench.html';

async function writePage(outDir: string, file: string, page: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, file);
  await writeFile(path, page);
  return path;
}

/**
 * Writes the HTML report of a run over one or more plugins (a single-plugin run passes a
 * one-element array) and returns its path.
 */
export async function writeHtmlReport(reports: readonly RunReport[], outDir: string): Promise<string> {
  return writePage(outDir, HTML_REPORT_FILE, await renderRunPage(reports));
}

/** Writes the performance comparison report of a benchmark run and returns its path. */
export async function writeBenchHtmlReport(bench: BenchReport, outDir: string): Promise<string> {
  return writePage(outDir, BENCH_HTML_REPORT_FILE, await renderBenchPage(bench));
}
