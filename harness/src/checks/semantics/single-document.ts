/**
 * `semantics.single-document`: every answer a hook gives — to each seed example and to each
 * bad-input probe — is exactly one JSON document in UTF-8: no trailing bytes, no NUL padding, no
 * byte-order mark, no byte sequence that is not UTF-8. Go's `json.Unmarshal` rejects all of them,
 * so the host never sees the envelope. This check owns those byte-level defects for every answer;
 * an answer the host cannot read at all (past the end of memory) is alloc.output-in-bounds's, and
 * a well-formed document of the wrong shape is schema.hook-outputs's.
 */
import { fail, pass } from '../../report/check-result.js';
import type { ValidatedCall } from '../../schema/validated-hook-call.js';
import { answerEvidence, shapeOf } from '../schema/answer-evidence.js';
import { defineContractCheck } from '../schema/define-contract-check.js';
import type { ProbeAnswer } from '../schema/contract-session.js';

const SPEC = 'spec-decisions "bifrost": output bytes are exactly one JSON document in UTF-8, no trailing bytes, no NUL padding';

/** What is wrong with an answer's bytes, with the byte offset where it goes wrong; undefined when they are one UTF-8 JSON document (or were never read). */
function byteProblem(answer: ValidatedCall): { problem: string; at: Record<string, number> } | undefined {
  const call = answer.call;
  if (call.kind === 'fault' && call.step === 'read-output' && call.fault.kind === 'invalid-utf8') {
    const { firstBadByte, len, ptr } = call.fault;
    return { problem: `output is not UTF-8 at byte ${firstBadByte} of ${len}`, at: { byte: firstBadByte, ptr, len } };
  }
  if (answer.output.kind !== 'not-json') return undefined;
  const { problem, documentEndsAt, trailingBytes } = answer.output;
  return { problem, at: documentEndsAt === undefined ? {} : { documentEndsAt, trailingBytes: trailingBytes ?? 0 } };
}

const isProbe = (answer: ValidatedCall): answer is ProbeAnswer => 'probe' in answer;

export default defineContractCheck({
  id: 'semantics.single-document',
  title: 'Every answer is exactly one JSON document in UTF-8',
  specRef: SPEC,
  dependsOn: ['lifecycle.hooks-answer', 'alloc.output-in-bounds'],
  run({ ctx, session }) {
    const answers = [...session.fixtureAnswers(), ...session.probeAnswers()];
    const read = answers.filter((a) => a.call.kind === 'output' || byteProblem(a) !== undefined);
    const broken = answers.flatMap((answer) => {
      const found = byteProblem(answer);
      return found === undefined ? [] : [{ answer, ...found }];
    });
    if (broken.length === 0) return pass(`${read.length} answers are one UTF-8 JSON document each`);
    return fail(
      broken
        .map(({ answer, problem }) => {
          const shape = shapeOf(answer);
          return `\`${answer.label}\`${shape === undefined ? '' : ` (${shape})`}: ${problem}`;
        })
        .join(' | '),
      {
        failing: broken.map(({ answer, problem, at }) => ({
          ...answerEvidence(answer, ctx.dialect),
          ...(isProbe(answer) ? { probe: answer.probe.what } : {}),
          problem,
          ...at,
        })),
        specRef: SPEC,
        fix: 'write the envelope as UTF-8 and return (ptr << 32) | len with len the exact byte length of that one JSON document: not the buffer\'s capacity, no terminating NUL, no second document',
      },
    );
  },
});
