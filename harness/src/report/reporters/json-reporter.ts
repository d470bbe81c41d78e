/**
 * The JSON reporter: writes the run report as `<out>/plugcheck-report.json`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RunReport } from '../run-report.js';

/** The file name of the JSON report inside the output directory. */
export const JSON_REPORT_FILE = 'plugcheck-report.json';

/**
 * A short, file-safe name per report, unique within `reports`: the module's name, with the sha256
 * prefix added where two modules share a name. Names a multi-plugin run's per-plugin files.
 */
export function reportStems(reports: readonly RunReport[]): string[] {
  const stem = (r: RunReport) => basename(r.plugin.module ?? r.plugin.path).replace(/\.(wasm|toml)$/, '').replace(/[^\w.-]/g, '_');
  const stems = reports.map(stem);
  return reports.map((r, i) => (stems.filter((s) => s === stems[i]).length > 1 ? `${stems[i]}-${r.plugin.sha256.slice(0, 8)}` : (stems[i] ?? '')));
}

/**
 * Writes one JSON report per plugin and returns the paths: `plugcheck-report.json` for a single
 * report; for several (a config listing many plugins), `plugcheck-report.<stem>.json` (reportStems).
 */
export async function writeJsonReports(reports: readonly RunReport[], outDir: string): Promise<string[]> {
  const [only] = reports;
  if (reports.length === 1 && only !== undefined) return [await writeJsonReport(only, outDir)];
  await mkdir(outDir, { recursive: true });
  const stems = reportStems(reports);
  return Promise.all(
    reports.map(async (r, i) => {
      const path = join(outDir, `plugcheck-report.${stems[i] ?? i}.json`);
      await writeFile(path, `${JSON.stringify(r, null, 2)}\n`);
      return path;
    }),
  );
}

/** Writes the report and returns its path. */
export async function writeJsonReport(report: RunReport, outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, JSON_REPORT_FILE);
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
