/**
 * `schema.host-calls`: every payload an Extism data source hands a host function fits that
 * function's request schema (`schemas/extism-datasource/<fn>.input.schema.json`). The scripted host
 * validates each call as it happens, on every instance of the run; this check reports what it
 * found, with the JSON path, the schema rule and the namespace the plugin imported from (the
 * dialect). A payload too broken to act on (not JSON, a required field missing) is also refused by
 * the host and reported by the lifecycle check of the export that sent it.
 */
import type { CheckContext } from '../../engine/check-context.js';
import { extismInstance } from '../../profiles/extism/extism-instance.js';
import { wholeRun } from '../../profiles/extism/datasource-run.js';
import type { HostFinding } from '../../profiles/extism/datasource-host.js';
import { fail, pass } from '../../report/check-result.js';
import { defineRunCheck } from '../extism/define-run-check.js';

async function schemaFindings(ctx: CheckContext): Promise<{ findings: HostFinding[]; calls: number }> {
  const run = await wholeRun(ctx);
  const steps = [run.metadata, run.configure, run.commands, run.fresh].flatMap((s) => (s.ok ? s.calls : []));
  const instance = await extismInstance(ctx);
  // A step's calls carry the findings made during them; the hosts hold every finding of their instance.
  const all = [...steps.flatMap((c) => c.findings), ...(instance.host?.findings ?? []), ...(run.fresh.host?.findings ?? [])];
  const findings = [...new Set(all)].filter((f) => f.kind === 'schema');
  return { findings, calls: steps.reduce((n, c) => n + c.hostCalls.length, 0) };
}

export default defineRunCheck({
  id: 'schema.host-calls',
  title: 'Every host-function request fits its schema',
  specRef: 'seed 004 §Host Functions Available to Plugin; seed-systems §5.3; schemas/extism-datasource/<function>.input.schema.json',
  async run(ctx) {
    const { findings, calls } = await schemaFindings(ctx);
    if (findings.length > 0) {
      return fail(findings.map((f) => `\`${f.during}\` called ${f.import} (namespace ${f.dialect ?? '?'}): ${f.problem}`).join(' | '), {
        findings: findings.map((f) => ({ call: f.call, during: f.during, import: f.import, dialect: f.dialect, schema: f.schema, violations: f.violations })),
        specRef: 'seed-systems §5.3 (go-plugin-common request types)',
        fix: 'send each host function the documented request: see the schema named in each finding (`plugcheck schema extism-datasource <function> --input`)',
      });
    }
    return pass(`${calls} host calls during the run, every request fits its schema`, { hostCalls: calls });
  },
});
