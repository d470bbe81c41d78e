/**
 * `fuzz.valid-inputs`: schema-valid inputs generated from each hook's input schema (Unicode text,
 * empty collections, boundary numbers on purpose) are answered without a trap or a bad pointer, and
 * every answer fits the hook's output schema in the input's dialect.
 */
import fc from 'fast-check';
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import { checkedHookCall } from '../../fuzz/checked-hook-call.js';
import { describeViolation } from '../../schema/schema-violation.js';
import { defineBifrostFuzzCheck } from './define-bifrost-fuzz-check.js';
import type { BifrostFuzzDefinition } from './define-bifrost-fuzz-check.js';
import { hookInputs } from './fuzz-arbitraries.js';
import { validCase, valueTexts } from './fuzz-case.js';

/** The check's definition, for the fuzz-throughput bench, which runs its loop on padded cases. */
export const validInputsDefinition: BifrostFuzzDefinition = {
  id: 'fuzz.valid-inputs',
  title: 'Generated schema-valid inputs are answered without a trap, in the output schema',
  specRef: 'spec-decisions "All profiles" (a trap is never an acceptable answer); seed 001 §Hooks; schemas/<profile>/<hook>.input|output.schema.json',
  dependsOn: ['schema.hook-outputs'],
  what: 'schema-valid input',
  fix: 'handle every input the hook\'s input schema allows (`plugcheck schema <profile> <hook> --input`): non-ASCII text, empty strings and arrays, null maps, boundary numbers; answer with the hook\'s envelope',
  cases: (_ctx, profile, hooks) => fc.oneof(...hooks.map((h) => hookInputs(profile.id, h.hook.name).map((doc) => validCase(h, doc)))),
  judge(caller, profile, fuzzCase) {
    const label = `${fuzzCase.exportName} fuzz`;
    const answer =
      fuzzCase.values === undefined
        ? checkedHookCall(caller, profile.id, fuzzCase.hook, fuzzCase.exportName, fuzzCase.payloads.map((p) => JSON.parse(typeof p === 'string' ? p : Buffer.from(p).toString('utf8')) as unknown), undefined, label)
        : checkedHookCall(caller, profile.id, fuzzCase.hook, fuzzCase.exportName, fuzzCase.values, fuzzCase.generated, label, valueTexts(fuzzCase));
    if (answer.call.kind !== 'output') return { ok: false, problem: describeFailedCall(answer.call, `\`${fuzzCase.exportName}\``), evidence: failedCallEvidence(answer.call) };
    if (answer.output.kind === 'not-json') return { ok: false, problem: `\`${fuzzCase.exportName}\` answered with text that is not one JSON document: ${answer.output.problem}`, evidence: { output: answer.call.text.slice(0, 2000) } };
    if (answer.output.kind === 'checked' && !answer.output.verdict.ok) {
      const violations = answer.output.verdict.violations;
      return { ok: false, problem: `the answer does not fit ${answer.outputSchema}: ${violations.slice(0, 3).map(describeViolation).join('; ')}`, evidence: { output: answer.call.text.slice(0, 2000), violations } };
    }
    return { ok: true };
  },
};

export default defineBifrostFuzzCheck(validInputsDefinition);
