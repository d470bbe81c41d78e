/**
 * The JUnit XML reporter: one `<testsuite>` per plugin, one `<testcase>` per check
 * (classname = profile, name = check id), so any CI test-report viewer shows plugcheck's checks.
 *
 * A testcase fails exactly when its result fails the run (result-verdict.ts): an expected
 * failure that happened is `<skipped>` with the reason, an expectation that was not met is a
 * `<failure type="expectation-not-met">`. Everything a plugin produced is escaped (xml-text.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportedResult, RunReport } from '../run-report.js';
import { expectationMismatch, resultVerdict } from '../result-verdict.js';
import { xmlAttr, xmlText } from './xml-text.js';

/** The file name of the JUnit report inside the output directory. */
export const JUNIT_REPORT_FILE = 'plugcheck-junit.xml';

/** What a testcase holds besides its name: nothing (passed), or one child element. */
type Outcome =
  | { readonly kind: 'passed' }
  | { readonly kind: 'skipped'; readonly message: string }
  | { readonly kind: 'failure' | 'error'; readonly type: string; readonly message: string; readonly body: string };

const firstLine = (s: string) => s.split('\n')[0] ?? '';

function details(r: ReportedResult): string {
  const evidence = 'evidence' in r && r.evidence !== undefined ? `\nevidence: ${JSON.stringify(r.evidence, null, 2)}` : '';
  return `${r.message}${evidence}\nspec: ${r.specRef}\nreplay: ${r.replay}`;
}

function outcomeOf(r: ReportedResult): Outcome {
  const mismatch = expectationMismatch(r);
  if (mismatch !== undefined) return { kind: 'failure', type: 'expectation-not-met', message: mismatch, body: `${mismatch}\n\n${details(r)}` };
  if (resultVerdict(r) === 'expected') {
    const e = r.expectation;
    return { kind: 'skipped', message: `expected ${r.status}: ${e?.reason ?? ''}${e?.link === undefined ? '' : ` (${e.link})`} — ${firstLine(r.message)}` };
  }
  switch (r.status) {
    case 'passed':
      return { kind: 'passed' };
    case 'skipped':
      return { kind: 'skipped', message: r.message };
    case 'errored':
      return { kind: 'error', type: 'errored', message: firstLine(r.message), body: details(r) };
    case 'failed':
    case 'timed-out':
      return { kind: 'failure', type: r.status, message: firstLine(r.message), body: details(r) };
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(report: RunReport, r: ReportedResult, outcome: Outcome): string {
  const open = `    <testcase classname="${xmlAttr(report.plugin.profile)}" name="${xmlAttr(r.check)}" time="${seconds(r.durationMs)}"`;
  switch (outcome.kind) {
    case 'passed':
      return `${open}/>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${xmlAttr(outcome.message)}"/>\n    </testcase>`;
    case 'failure':
    case 'error':
      return `${open}>\n      <${outcome.kind} message="${xmlAttr(outcome.message)}" type="${xmlAttr(outcome.type)}">${xmlText(outcome.body)}</${outcome.kind}>\n    </testcase>`;
  }
}

function properties(report: RunReport): [string, string][] {
  const p = report.plugin;
  return [
    ['plugcheck.version', report.tool.version],
    ['node', report.tool.node],
    ['plugin', p.path],
    ['sha256', p.sha256],
    ['profile', p.profile],
    ['profileSource', p.profileSource],
    ['dialect', Object.entries(p.dialect).map(([k, v]) => `${k}=${v}`).join(' ')],
    ['seed', String(report.options.seed)],
    ['callTimeoutMs', String(report.options.callTimeoutMs)],
    ['instantiateTimeoutMs', String(report.options.instantiateTimeoutMs)],
    ...(report.options.shard === undefined ? [] : [['shard', `${report.options.shard.index}/${report.options.shard.count}`] as [string, string]]),
  ];
}

/** Counts of a testsuite's testcases by the element they carry. */
export interface JunitCounts {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

function testsuite(report: RunReport): { xml: string; counts: JunitCounts } {
  const outcomes = report.results.map((r) => outcomeOf(r));
  const counts: JunitCounts = {
    tests: outcomes.length,
    failures: outcomes.filter((o) => o.kind === 'failure').length,
    errors: outcomes.filter((o) => o.kind === 'error').length,
    skipped: outcomes.filter((o) => o.kind === 'skipped').length,
  };
  const props = properties(report).map(([name, value]) => `      <property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`);
  const xml = [
    `  <testsuite name="${xmlAttr(report.plugin.path)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${seconds(report.durationMs)}">`,
    '    <properties>',
    ...props,
    '    </properties>',
    ...report.results.map((r, i) => testcase(report, r, outcomes[i] ?? { kind: 'passed' })),
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

/** The JUnit XML document for the reports. */
export function formatJunit(reports: readonly RunReport[]): string {
  const suites = reports.map((r) => testsuite(r));
  const sum = (k: keyof JunitCounts) => suites.reduce((n, s) => n + s.counts[k], 0);
  const time = reports.reduce((n, r) => n + r.durationMs, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="plugcheck" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" skipped="${sum('skipped')}" time="${seconds(time)}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

/** Writes `<outDir>/plugcheck-junit.xml` and returns its path. */
export async function writeJunitReport(reports: readonly RunReport[], outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, JUNIT_REPORT_FILE);
  await writeFile(path, formatJunit(reports));
  return path;
}
