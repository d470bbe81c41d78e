/**
 * `fuzz.hostile-inputs`: byte- and JSON-level mutations of valid inputs (fuzz/hostile-inputs.ts) are
 * answered with one JSON envelope object — an error, or an answer when the mutation left the input
 * acceptable — never a trap, a bad pointer, packed 0 or bytes that are not JSON.
 */
import fc from 'fast-check';
import { hostileInputArbitrary } from '../../fuzz/hostile-inputs.js';
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import { parseOutput } from '../../schema/validated-hook-call.js';
import { defineBifrostFuzzCheck } from './define-bifrost-fuzz-check.js';
import { hookInputs } from './fuzz-arbitraries.js';
import { callAtEndOfMemory } from './end-of-memory-call.js';
import { validCase } from './fuzz-case.js';

export default defineBifrostFuzzCheck({
  id: 'fuzz.hostile-inputs',
  title: 'Malformed inputs get a structured answer, never a trap',
  specRef: 'spec-decisions "All profiles" (a trap is never an acceptable answer to input the host can send, malformed or not); spec-decisions "bifrost" (bad input gets an error in the envelope; output is exactly one JSON document)',
  dependsOn: ['semantics.single-document', 'semantics.empty-input', 'semantics.wrong-typed-input'],
  what: 'hostile input',
  fix: 'decode defensively: check lengths before reading, reject invalid UTF-8, a BOM, NUL bytes and trailing bytes, bound nesting depth iteratively, treat out-of-range numbers as an error, and answer every rejection with the hook\'s envelope and a message in `error` (`hook_error` for post_hook)',
  // Each parameter in turn is the hostile one; the others stay valid.
  cases: (_ctx, profile, hooks) =>
    fc.oneof(
      ...hooks.flatMap((h) =>
        h.hook.params.map((_param, at) => {
          const valid = hookInputs(profile.id, h.hook.name);
          return fc.tuple(valid, hostileInputArbitrary(valid.map((doc) => validCase(h, doc).values?.[at]))).map(([doc, bad]) => ({
            hook: h.hook,
            exportName: h.exportName,
            payloads: validCase(h, doc).payloads.map((p, i) => (i === at ? bad.bytes : p)),
            kind: bad.mutation,
            ...(bad.placement === undefined ? {} : { placement: bad.placement }),
          }));
        }),
      ),
    ),
  judge(caller, _profile, fuzzCase) {
    const label = `${fuzzCase.exportName} ${fuzzCase.kind}`;
    const placed = fuzzCase.placement === 'end-of-memory' ? callAtEndOfMemory(caller, fuzzCase.exportName, fuzzCase.payloads, label) : undefined;
    // Memory at its maximum leaves no room at the end: the same bytes go through the allocator.
    const call = placed === undefined || placed.kind === 'not-placed' ? caller.callHook(fuzzCase.exportName, fuzzCase.payloads, label) : placed;
    if (call.kind !== 'output') return { ok: false, problem: describeFailedCall(call, `\`${fuzzCase.exportName}\``), evidence: failedCallEvidence(call) };
    const parsed = parseOutput(call.text);
    if (!parsed.ok) return { ok: false, problem: `\`${fuzzCase.exportName}\` answered with text that is not one JSON document: ${parsed.problem}`, evidence: { output: call.text.slice(0, 2000) } };
    // Whether a rejection's envelope fits the schema is schema.hook-outputs' finding (its probes); here it must be an envelope at all.
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      return { ok: false, problem: `\`${fuzzCase.exportName}\` answered with ${JSON.stringify(parsed.value)?.slice(0, 80)}, not the hook's envelope object`, evidence: { output: call.text.slice(0, 2000) } };
    }
    return { ok: true };
  },
});
