/**
 * `lifecycle.hooks-answer`: every hook the plugin exports answers each of the seed's example
 * inputs with one JSON document carrying the documented envelope: no trap, no packed 0, no
 * out-of-bounds pointer, no invalid UTF-8, no trailing bytes.
 */
import { checkEnvelope } from '../../profiles/bifrost/check-envelope.js';
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineLifecycleCheck } from './define-lifecycle-check.js';

const MAX_EVIDENCE_CHARS = 2048;
const clip = (text: string) => (text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}… (${text.length} chars)` : text);

export default defineLifecycleCheck({
  id: 'lifecycle.hooks-answer',
  title: 'Every hook answers the seed examples with its documented envelope',
  specRef: 'seed 001 §Hooks (Input/Output examples); seed 000 §Data Exchange; spec-decisions "bifrost"',
  run({ ctx, caller, profile }) {
    const exported = new Set(ctx.module.exports.map((e) => e.name));
    const calls: Record<string, unknown>[] = [];
    const failures: string[] = [];
    for (const hook of profile.hooks) {
      const exportName = [hook.name, ...(hook.aliases ?? [])].find((n) => exported.has(n));
      if (exportName === undefined) continue;
      for (const fixture of hook.fixtures) {
        const inputs = fixture.inputs.map((v) => JSON.stringify(v));
        const label = `${exportName} ${fixture.id}`;
        const call = caller.callHook(exportName, inputs, label);
        const record: Record<string, unknown> = { hook: exportName, fixture: fixture.id, specRef: fixture.specRef, input: inputs.map(clip) };
        if (call.kind !== 'output') {
          failures.push(describeFailedCall(call, `\`${label}\``));
          calls.push({ ...record, ...failedCallEvidence(call) });
          continue;
        }
        const problems = checkEnvelope(call.text, hook.envelope);
        if (problems.length > 0) failures.push(`\`${label}\`: ${problems.join('; ')}`);
        calls.push({ ...record, outcome: problems.length === 0 ? 'ok' : 'bad-envelope', output: clip(call.text), problems, envelopeSpec: hook.specRef });
      }
    }
    if (calls.length === 0) return skip('the plugin exports none of the profile\'s hooks');
    if (failures.length > 0) {
      // Failing calls first and in full; passing ones by name only, so the evidence leads with the cause.
      const failing = calls.filter((c) => c['outcome'] !== 'ok');
      const passing = calls.filter((c) => c['outcome'] === 'ok').map((c) => `${String(c['hook'])} ${String(c['fixture'])}`);
      return fail(failures.join(' | '), { failing, passing });
    }
    return pass(`${calls.length} hook calls answered with valid envelopes`, { calls: calls.map((c) => ({ hook: c['hook'], fixture: c['fixture'] })) });
  },
});
