/**
 * `semantics.short-circuit`: a `pre_hook` short-circuit carries a response or an error, and
 * bifrost-v2's `has_short_circuit` says exactly whether there is one.
 */
import { judgeEnvelopes } from './rule-violations.js';
import { validEnvelopes } from './valid-envelopes.js';
import { bifrostErrorMessage } from './failure-channel.js';
import { defineContractCheck } from '../schema/define-contract-check.js';

const SPEC = 'seed 001 §pre_hook Output "To short-circuit with a response"; seed-systems §1.4 (`has_short_circuit:true` plus `short_circuit:{response|error}`); seed 000 §PreLLMHook Output';

/** What is wrong with a short-circuit, or undefined: it must carry a response or an error (either dialect's key). */
function emptyShortCircuit(shortCircuit: Readonly<Record<string, unknown>>): string | undefined {
  const response = shortCircuit['response'] ?? shortCircuit['Response'];
  const error = shortCircuit['error'] ?? shortCircuit['Error'];
  const hasResponse = typeof response === 'object' && response !== null && Object.keys(response).length > 0;
  if (hasResponse || bifrostErrorMessage(error) !== undefined) return undefined;
  return `short_circuit ${JSON.stringify(shortCircuit)} carries neither a response nor an error, so the host has nothing to answer with`;
}

export default defineContractCheck({
  id: 'semantics.short-circuit',
  title: '`pre_hook` short-circuits carry a response or an error, and `has_short_circuit` agrees',
  specRef: SPEC,
  dependsOn: ['schema.hook-outputs'],
  run({ ctx, session }) {
    const envelopes = validEnvelopes(session.fixtureAnswers().filter((a) => a.hook === 'pre_hook'));
    const hasFlag = session.profile.id === 'bifrost-v2';
    return judgeEnvelopes(
      envelopes,
      ctx.dialect,
      (envelope) => {
        const shortCircuit = envelope['short_circuit'];
        const present = typeof shortCircuit === 'object' && shortCircuit !== null;
        if (hasFlag && envelope['has_short_circuit'] !== present) {
          return `has_short_circuit is ${String(envelope['has_short_circuit'])} but short_circuit is ${present ? 'set' : JSON.stringify(shortCircuit ?? null)}`;
        }
        return present ? emptyShortCircuit(shortCircuit as Record<string, unknown>) : undefined;
      },
      {
        passed: 'every short-circuit is consistent',
        specRef: SPEC,
        fix: 'set has_short_circuit to true exactly when short_circuit is an object, and give that object a response or an error',
      },
    );
  },
});
