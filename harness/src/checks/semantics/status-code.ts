/**
 * `semantics.status-code` (midimon): the status `execute` returns says what happened, which no
 * schema of the request or of the i32 can say. Each probe runs in a fresh instance, as the host
 * runs every call:
 * - a request that is not JSON, or is cut off mid-document, must get 2 ("invalid JSON input"),
 *   never 0 — the host would report a bad request as a successful action;
 * - a well-formed request naming an action the plugin does not have must get 3 ("action failed",
 *   the seed template's `_ => 3 // Unknown action`) or a plugin-defined 4 and up — never 0, which
 *   tells the host an action ran that does not exist (spec-decisions "midimon": returning 0 when
 *   the action failed is a failure), and never 1 or 2, which would blame a well-formed request;
 * - a negative status is outside the documented range on any probe.
 * That known actions return 0 is lifecycle.execute's rule; this check does not repeat it.
 */
import { describeMidimonFailure, midimonFailureEvidence, statusMeaning } from '../../profiles/midimon/describe-midimon-call.js';
import { HOST_CONTEXT } from '../../profiles/midimon/fixtures.js';
import type { ContextFixture } from '../../profiles/midimon/fixtures.js';
import type { ExecuteCall } from '../../profiles/midimon/midimon-caller.js';
import { executeRuns } from '../../profiles/midimon/midimon-session.js';
import { fail, pass } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineMidimonCheck } from '../midimon/define-midimon-check.js';

/** An action name no plugin has: plugcheck's own prefix and a character no Rust identifier uses. */
export const UNKNOWN_ACTION = 'plugcheck.unknown-action';

/** One request the check sends and the statuses that describe it truthfully. */
interface StatusProbe {
  readonly id: string;
  readonly label: string;
  readonly request: string;
  readonly expected: string;
  readonly accepts: (code: number) => boolean;
}

function probes(context: ContextFixture): StatusProbe[] {
  return [
    { id: 'not-json', label: 'a request that is not JSON', request: 'not json', expected: '2 (invalid JSON input)', accepts: (c) => c === 2 },
    { id: 'truncated', label: 'a request cut off mid-document', request: '{"action":"my_action","context":', expected: '2 (invalid JSON input)', accepts: (c) => c === 2 },
    {
      id: 'unknown-action',
      label: `the unknown action \`${UNKNOWN_ACTION}\` with ${context.label}`,
      request: JSON.stringify({ action: UNKNOWN_ACTION, context: context.context }),
      expected: '3 (action failed: the seed template\'s `_ => 3 // Unknown action`) or a plugin-defined 4 and up — not 0, no such action ran, and not 1 or 2, the request is well-formed',
      accepts: (c) => c >= 3,
    },
  ];
}

function problemOf(probe: StatusProbe, call: ExecuteCall): string | undefined {
  if (call.kind !== 'status') return describeMidimonFailure(call, `\`execute\` with ${probe.label}`);
  if (probe.accepts(call.code)) return undefined;
  return `\`execute\` with ${probe.label} returned ${call.code} (${statusMeaning(call.code)}), expected ${probe.expected}`;
}

const statusCode = defineMidimonCheck({
  id: 'semantics.status-code',
  title: "`execute`'s status code matches what happened",
  specRef: 'seed 002 §execute(ptr, len) -> i32 (status codes) and §Template (`_ => 3 // Unknown action`); spec-decisions "midimon"',
  run({ ctx, caller, metadata }) {
    const accepted = executeRuns(ctx, metadata).find((r) => r.call.kind === 'status' && r.call.code === 0)?.fixture ?? HOST_CONTEXT;
    const runs = probes(accepted).map((probe) => ({ probe, call: caller.execute(probe.request, { capabilities: metadata.capabilities, label: `execute (${probe.id})` }) }));
    const wrong = runs.flatMap(({ probe, call }) => {
      const problem = problemOf(probe, call);
      return problem === undefined ? [] : [{ probe, call, problem }];
    });
    if (wrong.length > 0) {
      return fail(wrong.map((w) => w.problem).join('; '), {
        failing: wrong.map(({ probe, call, problem }) => ({
          probe: probe.id,
          request: probe.request,
          expected: probe.expected,
          problem,
          ...(call.kind === 'status' ? { status: call.code, meaning: statusMeaning(call.code) } : midimonFailureEvidence(call)),
        })),
        fix: 'return 2 exactly when the request does not decode (serde_json::from_slice failed), 3 (or your own 4+) for an action you do not handle, and never a negative status',
      });
    }
    const unknown = runs.at(-1)?.call;
    const unknownCode = unknown?.kind === 'status' ? unknown.code : undefined;
    return pass(`${runs.length} probes: bad JSON got 2; an unknown action got ${unknownCode ?? '?'} (${unknownCode === undefined ? 'no status' : statusMeaning(unknownCode)})`, {
      probes: runs.map(({ probe, call }) => ({ probe: probe.id, status: call.kind === 'status' ? call.code : null })),
    });
  },
});

// Status codes are only worth judging on a plugin whose known actions run (lifecycle.execute): one
// that fails every call has one defect, reported there, not two.
export default { ...statusCode, dependsOn: [...(statusCode.dependsOn ?? []), 'lifecycle.execute'] } satisfies CheckDefinition;
