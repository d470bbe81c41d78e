/**
 * `semantics.presence-flags`: bifrost-v2's presence flags agree with their payloads —
 * `has_response` with `response` (http_pre_hook), `has_chunk` with `chunk` and `skip` only without
 * a chunk (http_stream_chunk_hook), `has_error` with `error` (post_hook).
 */
import { bifrostErrorMessage } from './failure-channel.js';
import { judgeEnvelopes } from './rule-violations.js';
import { validEnvelopes } from './valid-envelopes.js';
import { defineContractCheck } from '../schema/define-contract-check.js';

const SPEC = 'seed 001 §http_pre_hook Output, §http_stream_chunk_hook Output (skip/filter chunk), §post_hook Output; seed-systems §1.4';

const isSet = (value: unknown) => value !== undefined && value !== null;
const show = (value: unknown) => JSON.stringify(value ?? null).slice(0, 80);

const RULES: Readonly<Record<string, (envelope: Readonly<Record<string, unknown>>) => string | undefined>> = {
  http_pre_hook: (e) =>
    e['has_response'] !== isSet(e['response']) ? `has_response is ${String(e['has_response'])} but response is ${show(e['response'])}` : undefined,
  http_stream_chunk_hook: (e) => {
    if (e['has_chunk'] !== isSet(e['chunk'])) return `has_chunk is ${String(e['has_chunk'])} but chunk is ${show(e['chunk'])}`;
    return e['skip'] === true && e['has_chunk'] === true ? 'skip is true but has_chunk is true: a skipped chunk has no chunk' : undefined;
  },
  post_hook: (e) => {
    const carried = bifrostErrorMessage(e['error']);
    if (e['has_error'] === true && carried === undefined) return `has_error is true but error carries no error (${show(e['error'])})`;
    if (e['has_error'] === false && carried !== undefined) return `has_error is false but error carries "${carried}"`;
    return undefined;
  },
};

export default defineContractCheck({
  id: 'semantics.presence-flags',
  title: '`has_response`, `has_chunk`/`skip` and `has_error` agree with their payloads',
  specRef: SPEC,
  appliesTo: ['bifrost-v2'],
  dependsOn: ['schema.hook-outputs'],
  run({ ctx, session }) {
    const envelopes = validEnvelopes(session.fixtureAnswers().filter((a) => RULES[a.hook] !== undefined));
    return judgeEnvelopes(envelopes, ctx.dialect, (envelope, answer) => RULES[answer.hook]?.(envelope), {
      passed: 'every presence flag agrees with its payload',
      specRef: SPEC,
      fix: 'set each has_* flag to true exactly when its payload is present (and skip a chunk with chunk null, has_chunk false, skip true)',
    });
  },
});
