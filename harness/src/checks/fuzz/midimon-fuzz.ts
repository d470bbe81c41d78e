/**
 * The fuzz checks for midimon, through the real call path (profiles/midimon/midimon-caller.ts): every
 * case is an `execute` call in a fresh instance, the request written into a block from `alloc`, as
 * the host does.
 *
 * - `fuzz.valid-inputs`: requests generated from schemas/midimon/execute.input.schema.json (both
 *   context shapes), half of them naming one of the metadata's actions. The status must say what
 *   happened (spec-decisions "midimon"): never a trap or a negative status; never 1 or 2, which
 *   blame a request that is well-formed; and never 0 for an action the metadata does not list.
 * - `fuzz.hostile-inputs`: the same requests mutated (fuzz/hostile-inputs.ts). The plugin must answer
 *   with a documented status, never trap or read out of bounds. Which status a malformed request
 *   deserves is semantics.status-code's rule, on its probes; here it is the plugin's survival.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { hostileInputArbitrary } from '../../fuzz/hostile-inputs.js';
import { bundleInput, inputPayload } from '../../fuzz/replay-bundle.js';
import type { ReplayCall } from '../../fuzz/replay-bundle.js';
import { describeMidimonFailure, midimonFailureEvidence, statusMeaning } from '../../profiles/midimon/describe-midimon-call.js';
import type { ExecuteCall } from '../../profiles/midimon/midimon-caller.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineMidimonCheck } from '../midimon/define-midimon-check.js';
import type { LoadedPlugin } from '../midimon/define-midimon-check.js';
import { hookInputs } from './fuzz-arbitraries.js';
import { showPayloads } from './fuzz-case.js';
import { runFuzzCheck } from './run-fuzz-check.js';
import type { CaseVerdict, FuzzSubject } from './run-fuzz-check.js';

/** One `execute` request: its exact bytes, and the document when it is schema-valid. */
interface MidimonCase {
  readonly request: string | Uint8Array;
  readonly document?: { readonly action: string };
  readonly kind: string;
}

/** Every instance is fresh, and instantiation dominates a call: a quarter of the run's cases. */
const RUNS_SHARE = 4;
const SPEC = 'spec-decisions "midimon" (status codes: 0 success, 1 memory read error, 2 input is not the expected JSON, 3 the action failed, 4 and up plugin-defined; a negative status is outside the range; a trap is never an acceptable answer); seed 002 §execute(ptr, len) -> i32; schemas/midimon/execute.input.schema.json';

// Requests naming one of the plugin's own actions half the time: a generated action name is
// almost never one, and the known actions are where decoding the context really happens.
function requests(actions: readonly string[]): Arbitrary<{ action: string }> {
  const generated = hookInputs('midimon', 'execute') as Arbitrary<{ action: string }>;
  if (actions.length === 0) return generated;
  return fc.tuple(generated, fc.nat({ max: actions.length * 2 - 1 })).map(([doc, n]) => (n < actions.length ? { ...doc, action: actions[n] as string } : doc));
}

function execute(plugin: LoadedPlugin, fuzzCase: MidimonCase): ExecuteCall {
  return plugin.caller.execute(fuzzCase.request, { capabilities: plugin.metadata.capabilities, label: `execute fuzz (${fuzzCase.kind})` });
}

function failedCall(call: Exclude<ExecuteCall, { kind: 'status' }>): CaseVerdict {
  return { ok: false, problem: describeMidimonFailure(call, '`execute`'), evidence: midimonFailureEvidence(call) };
}

function subject(plugin: LoadedPlugin, what: string, cases: Arbitrary<MidimonCase>, judge: (c: MidimonCase, call: ExecuteCall) => CaseVerdict, fix: string): FuzzSubject<MidimonCase> {
  return {
    what,
    targets: '`execute` (a fresh instance each)',
    fix,
    runsShare: RUNS_SHARE,
    cases,
    judge: (c) => judge(c, execute(plugin, c)),
    call: (c): ReplayCall => ({ export: 'execute', lifecycle: 'fresh', inputs: [c.document === undefined ? bundleInput(c.request) : { json: c.document }] }),
    fromCall(call) {
      const [input] = call.inputs;
      if (call.export !== 'execute' || input === undefined) return `it calls \`${call.export}\`, not \`execute\` with one request`;
      return { request: inputPayload(input), ...('json' in input ? { document: input.json as { action: string } } : {}), kind: 'replayed' };
    },
    show: (c) => ({ export: 'execute', mutation: c.kind, input: showPayloads([c.request], 4000) }),
  };
}

const validInputs = defineMidimonCheck({
  id: 'fuzz.valid-inputs',
  title: 'Generated schema-valid requests get the status that says what happened, never a trap',
  specRef: SPEC,
  run(plugin) {
    const actions = plugin.metadata.actions;
    const cases = requests(actions ?? []).map((document): MidimonCase => ({ request: JSON.stringify(document), document, kind: 'valid' }));
    const judge = (c: MidimonCase, call: ExecuteCall): CaseVerdict => {
      if (call.kind !== 'status') return failedCall(call);
      const action = c.document?.action ?? '';
      const known = actions === undefined || actions.includes(action);
      const evidence = { status: call.code, meaning: statusMeaning(call.code), action, knownAction: known };
      if (call.code < 0 || call.code === 1 || call.code === 2) {
        return { ok: false, problem: `\`execute\` answered a schema-valid request with ${call.code} (${statusMeaning(call.code)}): the request is well-formed, so only 0, 3 or a plugin-defined 4 and up say what happened`, evidence };
      }
      if (!known && call.code === 0) {
        return { ok: false, problem: `\`execute\` answered 0 (success) for the action \`${action}\`, which the metadata does not list: no such action ran`, evidence };
      }
      return { ok: true };
    };
    return runFuzzCheck(plugin.ctx, 'fuzz.valid-inputs', subject(plugin, 'schema-valid request', cases, judge, 'decode every request the schema allows (`plugcheck schema midimon execute --input`): both context shapes, null fields, non-ASCII text, unknown extra fields; answer 3 (or your own 4+) for an action you do not have, and never trap'));
  },
});

const hostileInputs = defineMidimonCheck({
  id: 'fuzz.hostile-inputs',
  title: 'Malformed requests get a documented status, never a trap',
  specRef: SPEC,
  run(plugin) {
    const valid = requests(plugin.metadata.actions ?? []);
    const cases = hostileInputArbitrary(valid).map((h): MidimonCase => ({ request: h.bytes, kind: h.mutation }));
    const judge = (_c: MidimonCase, call: ExecuteCall): CaseVerdict => {
      if (call.kind !== 'status') return failedCall(call);
      if (call.code < 0) return { ok: false, problem: `\`execute\` answered a malformed request with ${call.code}, outside the documented range (0 and up)`, evidence: { status: call.code } };
      return { ok: true };
    };
    return runFuzzCheck(plugin.ctx, 'fuzz.hostile-inputs', subject(plugin, 'malformed request', cases, judge, 'decode defensively (serde_json::from_slice and return 2 on error): check lengths before reading, never index with a byte, bound recursion, and never trap on what the host writes'));
  },
});

// Fuzzing is worth it on a plugin whose known actions run (lifecycle.execute), as status codes are.
const afterExecute = (check: CheckDefinition): CheckDefinition => ({ ...check, dependsOn: [...(check.dependsOn ?? []), 'lifecycle.execute'] });

/** The midimon implementations of the fuzz checks. */
export const MIDIMON_FUZZ_CHECKS: readonly CheckDefinition[] = [afterExecute(validInputs), afterExecute(hostileInputs)];
