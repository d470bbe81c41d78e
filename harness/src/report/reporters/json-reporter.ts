/**
 * The JSON reporter: writes the run report as `<out>/plugcheck-report.json`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RunReport } from '../run-report.js';

/** The file name of the JSON report inside the output directory. */
export const JSON_REPORT_FILE = 'plugcheck-report.json';

/**
 * Writes one JSON report per plugin and returns the paths: `plugcheck-report.json` for a single
 * report; for several (a config listing many plugins), `plugcheck-report.<module name>.json`,
 * with the sha256 prefix added where two modules share a name.
 */
export async function writeJsonReports(reports: readonly RunReport[], outDir: string): Promise<string[]> {
  const [only] = reports;
  if (reports.length === 1 && only !== undefined) return [await writeJsonReport(only, outDir)];
  await mkdir(outDir, { recursive: true });
  const stem = (r: RunReport) => basename(r.plugin.module ?? r.plugin.path).replace(/\.(wasm|toml)$/, '').replace(/[^\w.-]/g, '_');
  const stems = reports.map(stem);
  return Promise.all(
    reports.map(async (r, i) => {
      const name = stems.filter((s) => s === stems[i]).length > 1 ? `${stems[i]}-${r.plugin.sha256.slice(0, 8)}` : stems[i];
      const path = join(outDir, `plugcheck-report.${name}.json`);
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
