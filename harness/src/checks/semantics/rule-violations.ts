/**
 * How a semantic rule that inspects envelopes reports: each broken envelope is one entry with
 * the call's evidence and what is wrong; the message lists them all; no entry means pass.
 */
import type { Dialect } from '../../profiles/profile.js';
import { fail, pass } from '../../report/check-result.js';
import type { CheckOutcome } from '../../report/check-result.js';
import type { ValidatedCall } from '../../schema/validated-hook-call.js';
import { answerEvidence } from '../schema/answer-evidence.js';
import type { ValidEnvelope } from './valid-envelopes.js';

/** Applies `rule` to every envelope; `rule` returns what is wrong, or undefined. */
export function judgeEnvelopes<T extends ValidatedCall>(
  envelopes: readonly ValidEnvelope<T>[],
  dialect: Dialect,
  rule: (envelope: Readonly<Record<string, unknown>>, answer: T) => string | undefined,
  verdict: { readonly passed: string; readonly fix: string; readonly specRef: string },
): CheckOutcome {
  const broken = envelopes.flatMap(({ answer, envelope }) => {
    const problem = rule(envelope, answer);
    return problem === undefined ? [] : [{ answer, problem }];
  });
  if (broken.length === 0) return pass(`${envelopes.length} answers checked: ${verdict.passed}`, { calls: envelopes.map((e) => e.answer.label) });
  return fail(broken.map((b) => `\`${b.answer.label}\`: ${b.problem}`).join(' | '), {
    failing: broken.map((b) => ({ ...answerEvidence(b.answer, dialect), problem: b.problem })),
    specRef: verdict.specRef,
    fix: verdict.fix,
  });
}
