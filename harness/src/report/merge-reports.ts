/**
 * Puts the reports of a split run back together (`plugcheck merge`): the shards of one plugin
 * (same sha256 and profile) become one report, results in the plugin's canonical check order and
 * the summary recomputed, equal to what an unsharded run reports except for durations.
 */
import { CHECKS } from '../checks/index.js';
import { ConfigError } from '../errors.js';
import { SCHEMA_BASE_URI } from '../schema/schema-files.js';
import type { RunReport } from './run-report.js';
import { summarize } from './run-report.js';

/** The `$id` of the JSON report format, which merge validates its inputs against. */
export const REPORT_SCHEMA_ID = `${SCHEMA_BASE_URI}report.schema.json`;

/** A report and the file it came from (for error messages). */
export interface ReportFile {
  readonly file: string;
  readonly report: RunReport;
}

function bad(message: string, expected: string, received: string, fix: string): ConfigError {
  return new ConfigError('PLUGCHECK_BAD_REPORT', message, { expected, received, fix });
}

const optionsKey = (r: RunReport) => JSON.stringify([r.options.seed, r.options.callTimeoutMs, r.options.instantiateTimeoutMs, r.tool.version]);

/** Checks that the shards of one plugin are exactly 1..n of the same n, or that none is a shard. */
function checkShards(group: readonly ReportFile[]): void {
  const shards = group.map((g) => g.report.options.shard);
  const first = group[0];
  if (first === undefined || shards.every((s) => s === undefined)) return;
  const name = first.report.plugin.path;
  const count = shards.find((s) => s !== undefined)?.count ?? 0;
  const plain = group.find((g) => g.report.options.shard === undefined);
  if (plain !== undefined) throw bad(`${plain.file} is a whole run of ${name}, the other reports are shards`, 'only the shards of one run', plain.file, 'merge the shard reports alone');
  const other = group.find((g) => g.report.options.shard?.count !== count);
  if (other !== undefined) throw bad(`${other.file} is a shard of ${other.report.options.shard?.count ?? '?'}, the others of ${count}`, `shards i/${count}`, other.file, 'merge the shards of one --shard i/n matrix');
  for (let i = 1; i <= count; i++) {
    const found = group.filter((g) => g.report.options.shard?.index === i);
    if (found.length === 0) throw bad(`shard ${i}/${count} of ${name} is missing`, `the reports of shards 1/${count} … ${count}/${count}`, group.map((g) => g.file).join(', '), `add the report of --shard ${i}/${count}`);
    if (found.length > 1) throw bad(`shard ${i}/${count} of ${name} is given twice`, 'each shard once', found.map((g) => g.file).join(', '), 'pass each shard report once');
  }
}

function mergeGroup(group: readonly ReportFile[]): RunReport {
  const [first] = group;
  if (first === undefined) throw new Error('empty group');
  const base = first.report;
  const odd = group.find((g) => optionsKey(g.report) !== optionsKey(base));
  if (odd !== undefined) {
    throw bad(`${odd.file} and ${first.file} test ${base.plugin.path} with different options`, `seed ${base.options.seed}, timeouts ${base.options.callTimeoutMs}/${base.options.instantiateTimeoutMs} ms, plugcheck ${base.tool.version}`, `seed ${odd.report.options.seed}, timeouts ${odd.report.options.callTimeoutMs}/${odd.report.options.instantiateTimeoutMs} ms, plugcheck ${odd.report.tool.version}`, 'merge reports of one run: the same plugcheck version, seed and limits');
  }
  checkShards(group);
  const seen = new Map<string, string>();
  for (const { file, report } of group) {
    for (const r of report.results) {
      const earlier = seen.get(r.check);
      if (earlier !== undefined) throw bad(`${r.check} of ${base.plugin.path} is in both ${earlier} and ${file}`, 'each check in one report', `${earlier}, ${file}`, 'merge reports of disjoint checks (the shards of one run)');
      seen.set(r.check, file);
    }
  }
  const order = CHECKS.filter((c) => c.appliesTo.includes(base.plugin.profile)).map((c) => c.id);
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const results = group.flatMap((g) => g.report.results).sort((a, b) => rank(a.check) - rank(b.check));
  const { shard: _shard, ...options } = base.options;
  return { ...base, options, summary: summarize(results), results, durationMs: group.reduce((n, g) => n + g.report.durationMs, 0) };
}

/**
 * Merges reports: one merged report per plugin (sha256 + profile), in the order plugins first
 * appear. Overlapping checks, missing or repeated shards, and mixed options are errors.
 */
export function mergeReports(files: readonly ReportFile[]): RunReport[] {
  const groups = new Map<string, ReportFile[]>();
  for (const f of files) {
    const key = `${f.report.plugin.sha256} ${f.report.plugin.profile}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map(mergeGroup);
}
