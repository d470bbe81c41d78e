/**
 * Reading and writing bench reports as files: `<out>/plugcheck-bench.json` after every run, a
 * `--save-baseline` copy, and the `--baseline-file` a later run compares with. A file read back is
 * validated against schemas/bench-report.schema.json first.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { SCHEMA_BASE_URI } from '../schema/schema-files.js';
import { schemaRegistry } from '../schema/schema-registry.js';
import type { BenchReport } from './bench-report.js';

/** The JSON report's file name in the output directory. */
export const BENCH_JSON_FILE = 'plugcheck-bench.json';

/** The `$id` of the bench report schema. */
export const BENCH_REPORT_SCHEMA_ID = `${SCHEMA_BASE_URI}bench-report.schema.json`;

/** Writes `report` to `path` (creating its directory); returns the path. */
export async function writeBenchReportFile(report: BenchReport, path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

/** Writes `<outDir>/plugcheck-bench.json`; returns its path. */
export function writeBenchJson(report: BenchReport, outDir: string): Promise<string> {
  return writeBenchReportFile(report, join(outDir, BENCH_JSON_FILE));
}

/** Reads and validates a saved bench report (`--baseline-file`). */
export async function readBenchReportFile(path: string): Promise<BenchReport> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch (thrown) {
    throw new ConfigError('PLUGCHECK_BAD_BASELINE', `cannot read the baseline ${path}: ${(thrown as Error).message}`, {
      expected: 'a JSON file written by `plugcheck bench --save-baseline` (or a plugcheck-bench.json)',
      received: (thrown as Error).message,
      fix: 'check the path, or save a baseline first: plugcheck bench old.wasm --save-baseline baseline.json',
      cause: thrown,
    });
  }
  const validate = schemaRegistry().validator(BENCH_REPORT_SCHEMA_ID);
  if (validate === undefined) throw new Error(`no schema ${BENCH_REPORT_SCHEMA_ID}`);
  if (!validate(document)) {
    const why = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    throw new ConfigError('PLUGCHECK_BAD_BASELINE', `${path} is not a plugcheck bench report: ${why}`, {
      expected: 'a document valid against schemas/bench-report.schema.json',
      received: why,
      fix: 'save the baseline again with the current plugcheck: plugcheck bench old.wasm --save-baseline baseline.json',
    });
  }
  return document as BenchReport;
}
