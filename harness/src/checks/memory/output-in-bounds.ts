/**
 * `alloc.output-in-bounds`: every answer a hook hands back lies inside linear memory — its pointer
 * plus its length ends at or before the end of memory. The host reads `len` bytes at `ptr`; a range
 * past the end cannot be read at all (the real host's `memory.Read` fails and the hook errors), and
 * handing that pointer to `free` corrupts the allocator. Judged on every call the contract session
 * made: each seed example and each bad-input probe, on every hook the plugin exports.
 */
import { fail, pass } from '../../report/check-result.js';
import { answerEvidence } from '../schema/answer-evidence.js';
import { defineContractCheck } from '../schema/define-contract-check.js';

const SPEC = 'seed 001 §Exports "packed u64" (pointer to data in WASM memory); seed 000 §Return Value Format; spec-decisions "bifrost" (the host reads len bytes at ptr and frees the block)';

export default defineContractCheck({
  id: 'alloc.output-in-bounds',
  title: 'Hook answers lie inside memory: pointer + length never past its end',
  specRef: SPEC,
  dependsOn: ['lifecycle.hooks-answer'],
  run({ ctx, session }) {
    const answers = [...session.fixtureAnswers(), ...session.probeAnswers()];
    const outside = answers.flatMap((answer) => {
      const call = answer.call;
      if (call.kind !== 'fault' || call.step !== 'read-output' || call.fault.kind !== 'out-of-bounds') return [];
      return [{ answer, fault: call.fault }];
    });
    const answered = answers.filter((a) => a.call.kind === 'output').length;
    if (outside.length === 0) return pass(`${answered} answers lie inside memory`);
    return fail(
      outside
        .map(({ answer, fault }) => `\`${answer.label}\` returned ptr=${fault.ptr} len=${fault.len}, ending at byte ${fault.ptr + fault.len}, past the end of memory (${fault.memoryBytes} bytes)`)
        .join(' | '),
      {
        failing: outside.map(({ answer, fault }) => ({ ...answerEvidence(answer, ctx.dialect), end: fault.ptr + fault.len, memoryBytes: fault.memoryBytes })),
        specRef: SPEC,
        fix: 'return the pointer your allocator handed out for the answer and the answer\'s exact byte length, packed as (ptr << 32) | len; grow memory before writing past its end',
      },
    );
  },
});
