/**
 * `lifecycle.execute`: every action the metadata lists (or the seed's `my_action` when it lists
 * none), with each context shape — the seed's and the real host's — returns status 0, each call
 * in a fresh instance with the request written into a block from `alloc`, as the host does.
 */
import { describeMidimonFailure, midimonFailureEvidence, statusMeaning } from '../../profiles/midimon/describe-midimon-call.js';
import { HOST_CONTEXT, SEED_CONTEXT } from '../../profiles/midimon/fixtures.js';
import { executeRuns } from '../../profiles/midimon/midimon-session.js';
import type { ExecuteRun } from '../../profiles/midimon/midimon-session.js';
import { fail, pass } from '../../report/check-result.js';
import { defineMidimonCheck } from './define-midimon-check.js';

const succeeded = (run: ExecuteRun) => run.call.kind === 'status' && run.call.code === 0;

function describeRun(run: ExecuteRun): string {
  const what = `\`execute\` of \`${run.action}\` with ${run.fixture.label}`;
  const { call } = run;
  if (call.kind !== 'status') return describeMidimonFailure(call, what);
  return `${what} returned ${call.code} (${statusMeaning(call.code)}), expected 0`;
}

function runEvidence(run: ExecuteRun): Record<string, unknown> {
  const { call } = run;
  const common = { action: run.action, context: run.fixture.id, request: run.request };
  if (call.kind !== 'status') return { ...common, ...midimonFailureEvidence(call) };
  return { ...common, status: call.code, meaning: statusMeaning(call.code), allocPtr: call.ptr, stdout: call.stdout.slice(0, 20) };
}

// A plugin that handles one context shape and not the other gets told which shape the host sends.
function shapeAdvice(runs: readonly ExecuteRun[]): string | undefined {
  const failed = (id: string) => runs.filter((r) => r.fixture.id === id).every((r) => !succeeded(r));
  const hostFails = failed(HOST_CONTEXT.id);
  const seedFails = failed(SEED_CONTEXT.id);
  if (hostFails && !seedFails) {
    return `The plugin accepts the seed's context but not the one the real host sends, {velocity,current_mode,timestamp} without note, cc, value or metadata (seed-systems §3.3); make the seed-only fields optional (e.g. #[serde(default)])`;
  }
  if (seedFails && !hostFails) {
    return "The plugin accepts the real host's context but not the seed's; accept unknown fields (no deny_unknown_fields) so both shapes decode";
  }
  return undefined;
}

export default defineMidimonCheck({
  id: 'lifecycle.execute',
  title: '`execute` returns 0 for every action with both context shapes',
  specRef: 'seed 002 §execute(ptr, len) -> i32 and §Request Format; seed-systems §3.3 (TriggerContext); spec-decisions "midimon"',
  run({ ctx, metadata }) {
    const runs = executeRuns(ctx, metadata);
    const failing = runs.filter((r) => !succeeded(r));
    const actions = [...new Set(runs.map((r) => r.action))].join(', ');
    if (failing.length > 0) {
      const advice = shapeAdvice(runs);
      return fail(`${failing.map(describeRun).join('; ')}${advice === undefined ? '' : `. ${advice}`}`, {
        failing: failing.map(runEvidence),
        passing: runs.filter(succeeded).map((r) => `${r.action} ${r.fixture.id}`),
        fix: advice ?? 'return 0 once the action ran; the host turns any other status into "Plugin returned error code: N" and reports the action as failed',
      });
    }
    return pass(`${runs.length} calls returned 0 (actions ${actions}; both context shapes), each in a fresh instance`, {
      calls: runs.map((r) => ({ action: r.action, context: r.fixture.id, allocPtr: r.call.kind === 'status' ? r.call.ptr : null })),
      contextShapesAccepted: [SEED_CONTEXT.id, HOST_CONTEXT.id],
    });
  },
});
