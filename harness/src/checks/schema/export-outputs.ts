/**
 * `schema.export-outputs`: every answer an Extism data source gives fits its export's output
 * schema (`schemas/extism-datasource/<export>.output.schema.json`): plugin_info / meta, the
 * "configured" text, start_stream / stop_stream, handle_command. The lifecycle checks read only the
 * fields the terminal acts on; the schema also holds the rules they do not (a failure names its
 * error, meta's version is semver). An output the terminal never reads — any output of a call that
 * failed through error_set — is not judged. The dialect reported is the export generation.
 */
import type { CheckContext } from '../../engine/check-context.js';
import { wholeRun } from '../../profiles/extism/datasource-run.js';
import type { DatasourceCall } from '../../profiles/extism/datasource-run.js';
import { callEvidence } from '../../profiles/extism/describe-extism-call.js';
import { fail, pass } from '../../report/check-result.js';
import { schemaRegistry } from '../../schema/schema-registry.js';
import { describeViolation } from '../../schema/schema-violation.js';
import { parseOutput } from '../../schema/validated-hook-call.js';
import { defineRunCheck } from '../extism/define-run-check.js';

// Outputs that are text, not JSON, on the wire (seed-systems §5.4; generation B's get_name writes
// pdk.OutputString, woox main.go@d48c16be): validated as the decoded string.
const TEXT_OUTPUTS: readonly string[] = ['plugin_configure', 'init', 'get_name'];

async function judgedCalls(ctx: CheckContext): Promise<DatasourceCall[]> {
  const run = await wholeRun(ctx);
  return [run.metadata, run.configure, run.commands, run.fresh]
    .flatMap((s) => (s.ok ? s.calls : []))
    .filter((c) => c.call.kind === 'returned' && c.call.error === null && c.call.output?.text != null);
}

function problemOf(entry: DatasourceCall): { schema: string; problem: string; violations?: unknown } | undefined {
  const call = entry.call;
  if (call.kind !== 'returned') return undefined;
  const schema = schemaRegistry().hookSchema('extism-datasource', call.export, 'output');
  const text = call.output?.text;
  if (schema === undefined || text == null) return undefined;
  const parsed = TEXT_OUTPUTS.includes(call.export) ? { ok: true as const, value: text } : parseOutput(text);
  if (!parsed.ok) return { schema: schema.file, problem: `the output is not one JSON document: ${parsed.problem}` };
  const verdict = schema.check(parsed.value);
  if (verdict.ok) return undefined;
  return { schema: schema.file, problem: verdict.violations.map(describeViolation).join('; '), violations: verdict.violations };
}

export default defineRunCheck({
  id: 'schema.export-outputs',
  title: 'Every export output fits its schema',
  specRef: 'seed 004 §Generic Plugin Exports; seed-systems §5.4; schemas/extism-datasource/<export>.output.schema.json',
  async run(ctx) {
    const calls = await judgedCalls(ctx);
    const generation = String(ctx.dialect['generation'] ?? 'unknown');
    const broken = calls.flatMap((entry) => {
      const found = problemOf(entry);
      return found === undefined ? [] : [{ entry, ...found }];
    });
    if (broken.length > 0) {
      return fail(broken.map((b) => `\`${b.entry.call.export}\` (${b.entry.purpose}, ${generation} generation) does not fit schemas/${b.schema}: ${b.problem}`).join(' | '), {
        failing: broken.map((b) => ({ ...callEvidence(b.entry), schema: b.schema, dialect: { generation }, violations: b.violations })),
        fix: 'answer with the documented shape: see the schema named in each finding (`plugcheck schema extism-datasource <export> --output`)',
      });
    }
    return pass(`${calls.length} outputs fit their schemas (${generation} generation)`, { calls: calls.map((c) => `${c.call.export} (${c.purpose})`) });
  },
});
