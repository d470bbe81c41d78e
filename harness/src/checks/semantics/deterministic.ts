/**
 * `semantics.deterministic`: hooks are pure functions of their input (spec-decisions "bifrost"):
 * each seed example sent a second time, on the same long-lived instance, gets an equal answer
 * (equal as JSON: the same values, whatever the key order or spacing).
 */
import { isDeepStrictEqual } from 'node:util';
import { describeFailedCall } from '../../profiles/bifrost/describe-call.js';
import { fail, pass } from '../../report/check-result.js';
import { callHookValidated } from '../../schema/validated-hook-call.js';
import { answerEvidence } from '../schema/answer-evidence.js';
import { defineContractCheck } from '../schema/define-contract-check.js';

const SPEC = 'spec-decisions "bifrost": hooks are pure functions of their input — the same input gives the same output';

export default defineContractCheck({
  id: 'semantics.deterministic',
  title: 'The same input twice gives the same answer',
  specRef: SPEC,
  dependsOn: ['schema.hook-outputs'],
  run({ ctx, session }) {
    const firsts = session.fixtureAnswers().filter((a) => a.output.kind === 'checked');
    const differing = firsts.flatMap((first) => {
      const spec = session.hooks.find((h) => h.exportName === first.exportName)?.hook;
      if (spec === undefined || first.output.kind !== 'checked') return [];
      const again = callHookValidated(session.caller, session.profile.id, spec, first.exportName, { kind: 'texts', texts: first.inputs }, `${first.label} again`);
      if (again.output.kind === 'checked' && isDeepStrictEqual(again.output.value, first.output.value)) return [];
      const what = again.call.kind === 'output' ? 'a different answer' : describeFailedCall(again.call, 'the repeat');
      return [{ first, again, what }];
    });
    if (differing.length === 0) return pass(`${firsts.length} answers repeated identically`);
    return fail(differing.map((d) => `\`${d.first.label}\` sent twice gave ${d.what}`).join(' | '), {
      failing: differing.map((d) => ({ first: answerEvidence(d.first, ctx.dialect), second: answerEvidence(d.again, ctx.dialect) })),
      specRef: SPEC,
      fix: 'derive the answer from the input only: no counters, clocks, random values or state carried between calls in the envelope',
    });
  },
});
