/**
 * `semantics.single-document`: every answer to bad input (empty, wrong-typed) is exactly one JSON
 * document in UTF-8 — no trailing bytes, no NUL padding, no byte-order mark. The answers to the
 * seed examples are lifecycle.hooks-answer's to judge, so one defect trips one check: this check
 * owns the error path, which the seed examples never reach.
 */
import { fail, pass } from '../../report/check-result.js';
import { answerEvidence } from '../schema/answer-evidence.js';
import { defineContractCheck } from '../schema/define-contract-check.js';

const SPEC = 'spec-decisions "bifrost": output bytes are exactly one JSON document in UTF-8, no trailing bytes, no NUL padding';

export default defineContractCheck({
  id: 'semantics.single-document',
  title: 'Answers to bad input are exactly one JSON document',
  specRef: SPEC,
  dependsOn: ['schema.hook-outputs'],
  run({ ctx, session }) {
    const answers = session.probeAnswers().filter((a) => a.call.kind === 'output');
    const broken = answers.flatMap((a) => (a.output.kind === 'not-json' ? [{ answer: a, problem: a.output.problem }] : []));
    if (broken.length === 0) return pass(`${answers.length} answers to bad input are one JSON document each`);
    return fail(broken.map((b) => `\`${b.answer.label}\`: ${b.problem}`).join(' | '), {
      failing: broken.map((b) => ({ ...answerEvidence(b.answer, ctx.dialect), probe: b.answer.probe.what, problem: b.problem })),
      specRef: SPEC,
      fix: 'return (ptr << 32) | len with len the exact byte length of the JSON envelope your error path writes',
    });
  },
});
