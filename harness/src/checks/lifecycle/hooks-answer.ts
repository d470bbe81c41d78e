/**
 * `lifecycle.hooks-answer`: every hook the plugin exports answers each of the seed's example
 * inputs at all — it returns within the time limit, without a trap, and with data rather than
 * packed 0 ("no data", which the host treats as an error).
 *
 * What the answer holds is judged elsewhere, so one defect fails one check: an answer whose
 * pointer or length runs past the end of memory is alloc.output-in-bounds's finding, bytes that
 * are not UTF-8 or not exactly one JSON document are semantics.single-document's, and a JSON
 * document of the wrong shape is schema.hook-outputs's.
 */
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import type { BifrostCall } from '../../profiles/bifrost/bifrost-caller.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { clip } from '../schema/answer-evidence.js';
import { defineLifecycleCheck } from './define-lifecycle-check.js';

/** The check that owns a call whose answer came back but cannot be read; undefined when this check owns the call's outcome. */
function answerOwner(call: BifrostCall): 'alloc.output-in-bounds' | 'semantics.single-document' | undefined {
  if (call.kind !== 'fault' || call.step !== 'read-output') return undefined;
  return call.fault.kind === 'invalid-utf8' ? 'semantics.single-document' : call.fault.kind === 'out-of-bounds' ? 'alloc.output-in-bounds' : undefined;
}

export default defineLifecycleCheck({
  id: 'lifecycle.hooks-answer',
  title: 'Every hook answers each seed example: no trap, no hang, no packed 0',
  specRef: 'seed 001 §Hooks (Input/Output examples); seed 000 §Data Exchange; spec-decisions "bifrost" (packed 0 means "no data"; a trap is never an acceptable answer)',
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
        if (call.kind === 'output') {
          calls.push({ ...record, outcome: 'answered', len: call.len });
          continue;
        }
        const owner = answerOwner(call);
        if (owner !== undefined) {
          // The hook did answer; its bytes cannot be read, which the owning check reports.
          calls.push({ ...record, outcome: 'answered', judgedBy: owner });
          continue;
        }
        failures.push(describeFailedCall(call, `\`${label}\``));
        calls.push({ ...record, ...failedCallEvidence(call) });
      }
    }
    if (calls.length === 0) return skip('the plugin exports none of the profile\'s hooks');
    if (failures.length > 0) {
      // Failing calls first and in full; answered ones by name only, so the evidence leads with the cause.
      const failing = calls.filter((c) => c['outcome'] !== 'answered');
      const passing = calls.filter((c) => c['outcome'] === 'answered').map((c) => `${String(c['hook'])} ${String(c['fixture'])}`);
      return fail(failures.join(' | '), {
        failing,
        passing,
        fix: 'answer every input with data: return (ptr << 32) | len of a block holding the envelope, never trap and never return 0 for input the host can send',
      });
    }
    return pass(`${calls.length} hook calls answered (their content is judged by alloc.output-in-bounds, semantics.single-document and schema.hook-outputs)`, {
      calls: calls.map((c) => ({ hook: c['hook'], fixture: c['fixture'], ...(c['judgedBy'] === undefined ? {} : { judgedBy: c['judgedBy'] }) })),
    });
  },
});
