/**
 * `semantics.hook-error-channel`: bifrost-v2's `post_hook` reports the plugin's own failure in
 * `hook_error`. Its `error` is the BifrostError the host passes on to the caller, so a failure put
 * there turns a plugin bug into an LLM error. Judged on post_hook's answers to bad input.
 */
import { fail, pass } from '../../report/check-result.js';
import { answerEvidence } from '../schema/answer-evidence.js';
import { defineContractCheck } from '../schema/define-contract-check.js';
import { bifrostErrorMessage } from './failure-channel.js';
import { validEnvelopes } from './valid-envelopes.js';

const SPEC = 'seed 001 §post_hook Output; seed-systems §1.4 "post_hook: plugin failure goes in hook_error, because error is the BifrostError payload"';

export default defineContractCheck({
  id: 'semantics.hook-error-channel',
  title: '`post_hook` reports its own failures in `hook_error`, not `error`',
  specRef: SPEC,
  appliesTo: ['bifrost-v2'],
  dependsOn: ['schema.hook-outputs'],
  run({ ctx, session }) {
    const envelopes = validEnvelopes(session.probeAnswers().filter((a) => a.hook === 'post_hook'));
    const broken = envelopes.flatMap(({ answer, envelope }) => {
      const inError = bifrostErrorMessage(envelope['error']);
      const hookError = envelope['hook_error'];
      if (inError === undefined) return [];
      const left = typeof hookError === 'string' && hookError.length > 0 ? `and also set hook_error ${JSON.stringify(hookError)}` : 'and left hook_error empty';
      return [{ answer, problem: `\`${answer.label}\` put its failure ("${inError}") in \`error\` ${left}` }];
    });
    if (broken.length === 0) return pass(`${envelopes.length} post_hook answers to bad input keep the failure out of \`error\``);
    return fail(broken.map((b) => b.problem).join(' | '), {
      failing: broken.map((b) => ({ ...answerEvidence(b.answer, ctx.dialect), probe: b.answer.probe.what, problem: b.problem })),
      specRef: SPEC,
      fix: 'write the plugin\'s failure message into hook_error and leave error as the input\'s BifrostError (null when there was none)',
    });
  },
});
