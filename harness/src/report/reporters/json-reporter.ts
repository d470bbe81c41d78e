/**
 * The JSON reporter: writes the run report as `<out>/plugcheck-report.json`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunReport } from '../run-report.js';

/** The file name of the JSON report inside the output directory. */
export const JSON_REPORT_FILE = 'plugcheck-report.json';

/** Writes the report and returns its path. */
export async function writeJsonReport(report: RunReport, outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, JSON_REPORT_FILE);
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
