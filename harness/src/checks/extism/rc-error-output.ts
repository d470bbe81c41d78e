/**
 * `semantics.rc-error-output`: a call's return code, its `error_set` and its output tell the same
 * story (spec-decisions "extism-datasource"). In Extism the three are independent, so the rules are:
 * - `error_set` with rc 0 contradicts itself (the code says success, the error says failure);
 * - an output `success` / `result` flag must agree with the code: rc 1 with success:true, or rc 0
 *   with success:false, is a contradiction; rc 1 with `{success:false,error}` and no `error_set`
 *   is a valid failure of start_stream / stop_stream;
 * - `plugin_configure` fails by calling `error_set` and returning 1, and must fail on input that is
 *   not a config (the current generation's `init` must at least return non-zero).
 * `stop_stream` on a fresh instance may answer "not found": any consistent answer passes.
 */
import type { CheckContext } from '../../engine/check-context.js';
import { outputObject, wholeRun } from '../../profiles/extism/datasource-run.js';
import type { DatasourceCall } from '../../profiles/extism/datasource-run.js';
import { callEvidence, rcText } from '../../profiles/extism/describe-extism-call.js';
import { fail, pass } from '../../report/check-result.js';
import { INVALID_CONFIG } from '../../profiles/extism/datasource-fixtures.js';
import { defineRunCheck } from './define-run-check.js';

/** Every call of the run that returned, in the order they were made. */
async function returnedCalls(ctx: CheckContext): Promise<DatasourceCall[]> {
  const run = await wholeRun(ctx);
  return [run.metadata, run.configure, run.commands, run.fresh].flatMap((s) => (s.ok ? s.calls : [])).filter((c) => c.call.kind === 'returned');
}

/** The contradictions of one call (empty when its code, error and output agree). */
function contradictions(entry: DatasourceCall): string[] {
  const call = entry.call;
  if (call.kind !== 'returned') return [];
  const name = `\`${call.export}\` (${entry.purpose})`;
  const rc = call.rc;
  const found: string[] = [];
  if (call.error !== null && rc === 0) found.push(`${name} called error_set ("${call.error}") and returned rc 0`);
  const output = outputObject(call);
  const flagName = call.export === 'handle_command' ? 'result' : 'success';
  const flag = output?.[flagName];
  if (rc !== undefined && typeof flag === 'boolean' && flag !== (rc === 0)) {
    found.push(`${name} returned ${rcText(call)} with ${flagName}:${String(flag)}`);
  }
  const configure = call.export === 'plugin_configure' || call.export === 'init';
  if (configure && call.input === INVALID_CONFIG && call.error === null && rc === 0) {
    found.push(`${name} accepted ${JSON.stringify(INVALID_CONFIG)} as a config (rc 0, no error)`);
  }
  if (call.export === 'plugin_configure' && rc !== undefined && rc !== 0 && call.error === null) {
    found.push(`${name} failed with ${rcText(call)} but no error_set: the terminal reads the reason from error_set`);
  }
  return found;
}

export default defineRunCheck({
  id: 'semantics.rc-error-output',
  title: 'Return code, error_set and output agree on every call',
  specRef: 'spec-decisions "extism-datasource" (rc, error_set and output are independent); seed-systems §5.4–5.5',
  async run(ctx) {
    const calls = await returnedCalls(ctx);
    const found = calls.flatMap((c) => contradictions(c).map((problem) => ({ problem, call: callEvidence(c) })));
    const unknown = calls.filter((c) => c.call.kind === 'returned' && c.call.rc === undefined).map((c) => c.call.export);
    if (found.length > 0) {
      return fail(found.map((f) => f.problem).join('; '), {
        contradictions: found,
        fix: 'return 0 exactly when the call succeeded: on failure return 1 and either call error_set (plugin_configure) or output {"success":false,"error":"…"} (start_stream, stop_stream)',
      });
    }
    const note = unknown.length === 0 ? '' : `; return codes unknown for ${unknown.join(', ')}`;
    return pass(`${calls.length} calls: return codes, error_set and outputs agree${note}`, {
      calls: calls.map((c) => {
        const call = c.call;
        return call.kind === 'returned' ? `${call.export} (${c.purpose}): ${rcText(call)}, error ${call.error === null ? 'none' : 'set'}, output ${call.output === null ? 'none' : 'set'}` : '';
      }),
    });
  },
});
