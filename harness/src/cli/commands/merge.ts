/**
 * `plugcheck merge <report.json...>`: combines the JSON reports of a sharded run (a CI matrix of
 * `plugcheck test --shard i/n`) into one report per plugin and writes it through the same
 * reporters as `plugcheck test`.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError, UsageError } from '../../errors.js';
import { mergeReports, REPORT_SCHEMA_ID } from '../../report/merge-reports.js';
import type { ReportFile } from '../../report/merge-reports.js';
import { formatSummary } from '../../report/reporters/console-reporter.js';
import { defaultReporterNames, REPORTER_NAMES, writeFileReports } from '../../report/reporters/file-reporters.js';
import { STEP_SUMMARY_ENV } from '../../report/reporters/markdown-reporter.js';
import { reportPasses } from '../../report/result-verdict.js';
import type { RunReport } from '../../report/run-report.js';
import { validateDocument } from '../../config/validate-document.js';
import { checkReporterNames, DEFAULT_OUT } from '../../config/run-plan.js';
import { listOption, parseOptions } from '../parse-options.js';
import { styleFor } from '../style.js';

/** Usage text of `plugcheck merge`. */
export const MERGE_USAGE = `Usage: plugcheck merge <report.json...> [options]

Combines the JSON reports of a sharded run (plugcheck test --shard i/n) into one report per
plugin: results in the plugin's check order, the summary recomputed. Every shard 1..n must be
given exactly once.

Options:
  --out <dir>             report directory (default: reports)
  --reporter <list>       ${REPORTER_NAMES.join(',')} (default: console,json,html; markdown too when $${STEP_SUMMARY_ENV} is set)
  -h, --help              this text

Exit codes: 0 the merged run passed, 1 a check failed (or an expected failure did not happen),
2 the reports could not be read or do not belong to one run.`;

async function readReport(file: string): Promise<ReportFile> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (thrown) {
    throw new ConfigError('PLUGCHECK_BAD_REPORT', `${file}: cannot be read as JSON`, {
      cause: thrown,
      expected: 'a plugcheck JSON report (plugcheck-report.json)',
      received: (thrown as NodeJS.ErrnoException).code ?? (thrown as Error).message,
      fix: 'pass the plugcheck-report.json files the shards wrote',
    });
  }
  validateDocument(doc, REPORT_SCHEMA_ID, file, 'PLUGCHECK_BAD_REPORT', 'pass plugcheck-report.json files written by this version of plugcheck (schemas/report.schema.json)');
  return { file, report: doc as RunReport };
}

/** Runs the command; returns the exit code. */
export async function mergeCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('merge', args, {
    out: { type: 'string' },
    reporter: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values['help'] === true) {
    process.stdout.write(`${MERGE_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    throw new UsageError('plugcheck merge needs the reports to merge', {
      expected: 'plugcheck merge <report.json...>',
      received: 'no report paths',
      fix: 'pass the plugcheck-report.json of every shard, e.g. plugcheck merge shards/*/plugcheck-report.json',
    });
  }
  const out = typeof values['out'] === 'string' ? values['out'] : DEFAULT_OUT;
  const names = values['reporter'] === undefined ? defaultReporterNames() : listOption(values['reporter']);
  checkReporterNames(names, REPORTER_NAMES);
  const merged = mergeReports(await Promise.all(positionals.map(readReport)));
  if (names.includes('console')) {
    const style = styleFor(process.stdout);
    for (const report of merged) process.stdout.write(`${style.bold('merged')} ${report.plugin.path} (${report.plugin.sha256})\n${formatSummary(report, style)}\n\n`);
  }
  for (const line of await writeFileReports(merged, names.map((name) => ({ name, out })))) process.stdout.write(`${line}\n`);
  return merged.every(reportPasses) ? 0 : 1;
}
