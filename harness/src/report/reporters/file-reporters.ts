/**
 * The reporters that write files, by the name `--reporter` and the config's `reporters` use. Both
 * `plugcheck test` and `plugcheck merge` write through this registry, so a merged run gets the same
 * outputs as a single one. The console reporter is not here: it prints while checks run.
 */
import { join } from 'node:path';
import { writeFile, mkdir } from 'node:fs/promises';
import type { RunReport } from '../run-report.js';
import { writeJsonReports } from './json-reporter.js';
import { writeJunitReport } from './junit-reporter.js';
import { appendStepSummary, formatMarkdownSummary, STEP_SUMMARY_ENV } from './markdown-reporter.js';
import { writeHtmlReport } from './html-reporter.js';

/** The file name of the Markdown summary inside the output directory. */
export const MARKDOWN_SUMMARY_FILE = 'plugcheck-summary.md';

/** A file reporter: writes the reports under `outDir` and returns what to print, one `label: path` per file. */
export type FileReporter = (reports: readonly RunReport[], outDir: string) => Promise<string[]>;

/**
 * Every file reporter, in the order their paths are printed. The HTML reporter's path is printed
 * last (the README's first command ends with it), so it stays at the end of this list.
 */
export const FILE_REPORTERS: Readonly<Record<string, FileReporter>> = {
  json: async (reports, outDir) => (await writeJsonReports(reports, outDir)).map((p) => `json: ${p}`),
  junit: async (reports, outDir) => [`junit: ${await writeJunitReport(reports, outDir)}`],
  markdown: async (reports, outDir) => {
    await mkdir(outDir, { recursive: true });
    const path = join(outDir, MARKDOWN_SUMMARY_FILE);
    await writeFile(path, formatMarkdownSummary(reports));
    const step = await appendStepSummary(reports);
    return [`summary: ${path}${step === undefined ? '' : ` (appended to $GITHUB_STEP_SUMMARY)`}`];
  },
  // `report:` is the page a person opens; the line a user (or a script) looks for.
  html: async (reports, outDir) => [`report: ${await writeHtmlReport(reports, outDir)}`],
};

/** The reporters used when neither `--reporter` nor the config names any: console, json and html, plus markdown when $GITHUB_STEP_SUMMARY is set. */
export function defaultReporterNames(env: NodeJS.ProcessEnv = process.env): string[] {
  const step = env[STEP_SUMMARY_ENV];
  return ['console', 'json', 'html', ...(step !== undefined && step !== '' ? ['markdown'] : [])];
}

/** Every reporter name: the console plus the file reporters. */
export const REPORTER_NAMES: readonly string[] = ['console', ...Object.keys(FILE_REPORTERS)];

/** A reporter to run and where it writes. */
export interface ReporterChoice {
  readonly name: string;
  readonly out: string;
}

/** Runs the chosen file reporters (console entries are ignored) in registry order; returns the lines to print. */
export async function writeFileReports(reports: readonly RunReport[], chosen: readonly ReporterChoice[]): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, write] of Object.entries(FILE_REPORTERS)) {
    for (const choice of chosen.filter((c) => c.name === name)) lines.push(...(await write(reports, choice.out)));
  }
  return lines;
}
