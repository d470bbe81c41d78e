/**
 * `schema.host-calls` for FrankenTerm: every `ft_*` call's payload fits that function's
 * `schemas/frankenterm/<fn>.input.schema.json` — `ft_log`'s `{level, message}`, `ft_get_env`'s key
 * (a non-empty name without `=` or NUL), `ft_return_buffer_read`'s `{out_ptr, out_len}` (neither
 * negative). The host validates each payload as the call happens, in every entry-point run; this
 * check reports what did not fit, with the JSON path, the schema rule, the expected and received
 * values and the import namespace (the dialect). A payload the host could not read at all (outside
 * memory, not UTF-8, a log level out of range) is capability.host-call-arguments's finding, so
 * this check runs after that one passed.
 */
import { runLabel } from '../../profiles/frankenterm/describe-run.js';
import { entryPointRuns } from '../../profiles/frankenterm/entry-point-runs.js';
import { fail, pass } from '../../report/check-result.js';
import { describeViolation } from '../../schema/schema-violation.js';
import { defineCheck } from '../check-definition.js';

const SPEC = 'seed 003 §Host function ABI; seed-systems §4.2 (wasm_host.rs); spec-decisions "frankenterm"; schemas/frankenterm/<function>.input.schema.json';

export default defineCheck({
  id: 'schema.host-calls',
  title: 'Every host-function request fits its schema',
  specRef: SPEC,
  appliesTo: ['frankenterm'],
  dependsOn: ['lifecycle.entry-points-run', 'capability.host-call-arguments'],
  run(ctx) {
    const { runs } = entryPointRuns(ctx);
    const namespace = String(ctx.dialect['namespace'] ?? 'unknown');
    const validated = runs.reduce((n, r) => n + r.host.validatedPayloads, 0);
    const findings = runs.flatMap((run) => run.host.schemaFindings.map((finding) => ({ run, finding })));
    if (findings.length === 0) return pass(`${validated} ft_* payloads validated, each fits its schema (namespace ${namespace})`, { validated, namespace });
    return fail(
      findings
        .map(({ run, finding }) => `${runLabel(run)} called ${finding.call} (namespace ${namespace}) with ${JSON.stringify(finding.payload).slice(0, 120)}: ${finding.violations.map(describeViolation).join('; ')}`)
        .join(' | '),
      {
        findings: findings.map(({ run, finding }) => ({ entry: run.entry, events: run.events, call: finding.call, payload: finding.payload, schema: finding.schema, violations: finding.violations, dialect: ctx.dialect })),
        specRef: SPEC,
        fix: 'send each host function the documented arguments: see the schema named in each finding (`plugcheck schema frankenterm <function> --input`)',
      },
    );
  },
});
