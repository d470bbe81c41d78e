/**
 * The conformance suite: one vitest test per check, run through the same engine as
 * `plugcheck test`.
 *
 * - `npm test -- --plugin x.wasm [--profile id]`: every applicable check must pass (or be
 *   skipped as not applicable) on that plugin.
 * - plain `npm test`: every bundled plugin is run against its expectations file, so a good plugin
 *   passes everything and a faulty one fails exactly the checks its defect should trip.
 */
import { describe, expect, it } from 'vitest';
import { expectedStatus, loadExpectations } from '../harness/src/config/expectations.js';
import type { Expectations } from '../harness/src/config/expectations.js';
import { listBundledPlugins } from '../harness/src/config/bundled-plugins.js';
import { testPlugin } from '../harness/src/engine/test-plugin.js';
import type { ReportedResult, RunReport } from '../harness/src/report/run-report.js';
import { mapLimit } from '../harness/test/support/map-limit.js';

interface Target {
  readonly name: string;
  readonly wasm: string;
  readonly expectations: Expectations | undefined;
}

const userPlugin = process.env['PLUGCHECK_PLUGIN'];
const userProfile = process.env['PLUGCHECK_PROFILE'];
const timeout = process.env['PLUGCHECK_TIMEOUT'];
// Bundled plugins answer in microseconds; a short limit keeps the looping plugins cheap.
const BUNDLED_CALL_TIMEOUT_MS = 1000;

const targets: Target[] =
  userPlugin !== undefined
    ? [{ name: userPlugin, wasm: userPlugin, expectations: undefined }]
    : await Promise.all(
        (await listBundledPlugins()).map(async (p) => ({ name: p.name, wasm: p.wasm, expectations: await loadExpectations(p.expectations) })),
      );

// Plugins built to hang get a short limit so the suite stays fast; every other plugin runs under its
// profile's real limits, so a slow but correct call (a memory bomb filling 128 MiB) is not cut off.
const hangs = (t: Target) => Object.values(t.expectations?.checks ?? {}).includes('timed-out');

// A few plugins at a time: each run has its own worker (and V8 heap); all at once exhausts memory.
const PLUGINS_IN_FLIGHT = 3;
const reports: RunReport[] = await mapLimit(targets, PLUGINS_IN_FLIGHT, (t) =>
  testPlugin({
    plugin: t.wasm,
    profile: userProfile ?? t.expectations?.profile,
    callTimeoutMs: timeout !== undefined ? Number(timeout) : hangs(t) ? BUNDLED_CALL_TIMEOUT_MS : undefined,
    instantiateTimeoutMs: hangs(t) ? BUNDLED_CALL_TIMEOUT_MS : undefined,
  }),
);

function explain(r: ReportedResult, report: RunReport): string {
  const evidence = 'evidence' in r && r.evidence !== undefined ? JSON.stringify(r.evidence, null, 2).slice(0, 3000) : '(none)';
  return [`${r.check}: ${r.status} — ${r.message}`, `spec: ${r.specRef}`, `sha256: ${report.plugin.sha256}`, `evidence: ${evidence}`, `replay: ${r.replay}`].join('\n');
}

targets.forEach((target, i) => {
  const report = reports[i] as RunReport;
  describe(`${target.name} [${report.plugin.profile}]`, () => {
    const exp = target.expectations;
    if (exp !== undefined) {
      it('is detected as the expected profile and dialect', () => {
        expect(report.plugin.profile).toBe(exp.profile);
        expect(report.plugin.dialect).toEqual(exp.dialect);
      });
      it('lists only checks that ran', () => {
        const ran = new Set(report.results.map((r) => r.check));
        expect(Object.keys(exp.checks).filter((id) => !ran.has(id))).toEqual([]);
      });
    }
    for (const result of report.results) {
      it(result.check, () => {
        if (exp === undefined) {
          expect(['passed', 'skipped'], explain(result, report)).toContain(result.status);
        } else {
          expect(result.status, explain(result, report)).toBe(expectedStatus(exp, result.check));
        }
      });
    }
  });
});
