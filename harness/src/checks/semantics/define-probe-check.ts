/**
 * The shape of a check that sends one bad-input probe to every hook and wants an error back in
 * the envelope: not a trap, not packed 0, not a success (spec-decisions "bifrost": a trap is never
 * an acceptable answer to input the host can send).
 */
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import { fail, pass } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { answerEvidence } from '../schema/answer-evidence.js';
import { BIFROST_PROBES } from '../schema/bifrost-probes.js';
import type { ProbeId } from '../schema/bifrost-probes.js';
import { defineContractCheck } from '../schema/define-contract-check.js';
import { failureField, reportedFailure } from './failure-channel.js';

/** Defines the check for one probe. */
export function defineProbeCheck(definition: { readonly id: string; readonly title: string; readonly probe: ProbeId }): CheckDefinition {
  const probe = BIFROST_PROBES.find((p) => p.id === definition.probe);
  if (probe === undefined) throw new Error(`no probe ${definition.probe}`);
  return defineContractCheck({
    id: definition.id,
    title: definition.title,
    specRef: probe.specRef,
    // An answer that is not one JSON document, or not of the hook's shape, already failed the check
    // that owns it; only a schema-valid envelope can be read for its error.
    dependsOn: ['schema.hook-outputs'],
    run({ ctx, session }) {
      const answers = session.probeAnswers().filter((a) => a.probe.id === probe.id);
      const broken = answers.flatMap((a) => {
        if (a.call.kind !== 'output') return [{ answer: a, problem: describeFailedCall(a.call, `\`${a.label}\``), evidence: failedCallEvidence(a.call) }];
        if (a.output.kind !== 'checked' || !a.output.verdict.ok) return [];
        const envelope = a.output.value as Readonly<Record<string, unknown>>;
        if (reportedFailure(session.profile.id, a.hook, envelope) !== undefined) return [];
        const field = failureField(session.profile.id, a.hook);
        return [{ answer: a, problem: `\`${a.label}\` answered ${probe.what} as a success: \`${field}\` is ${JSON.stringify(envelope[field] ?? null)}`, evidence: {} }];
      });
      if (broken.length === 0) return pass(`${answers.length} hooks answered ${probe.what} with an error in the envelope`);
      return fail(broken.map((b) => b.problem).join(' | '), {
        probe: probe.what,
        failing: broken.map((b) => ({ ...answerEvidence(b.answer, ctx.dialect), ...b.evidence })),
        specRef: probe.specRef,
        fix: 'answer bad input with the hook\'s envelope and a message in `error` (`hook_error` for post_hook), as Go\'s decoder would reject it; never trap or return 0',
      });
    },
  });
}
