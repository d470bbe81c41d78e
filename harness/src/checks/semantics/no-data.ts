/**
 * `semantics.no-data`: packed 0 is the only way to say "no data". A result whose pointer is 0 (data
 * placed at address 0) or whose length is 0 behind a real pointer reads as "no data" to a host that
 * tests either half, as hosts do after a failed allocation (every seed example returns 0 then).
 */
import { fail, pass } from '../../report/check-result.js';
import { answerEvidence } from '../schema/answer-evidence.js';
import { defineContractCheck } from '../schema/define-contract-check.js';

const SPEC = 'seed 001 §Exports "packed u64"; seed-systems §1.4 (examples return 0 when data is empty or allocation fails); spec-decisions "bifrost"';

export default defineContractCheck({
  id: 'semantics.no-data',
  title: 'Only packed 0 means "no data": results never point at address 0 or carry length 0',
  specRef: SPEC,
  dependsOn: ['lifecycle.get-name', 'lifecycle.hooks-answer'],
  run({ ctx, session }) {
    const name = session.caller.name();
    const results = [
      ...(name.kind === 'output' ? [{ label: 'get_name', ptr: name.ptr, len: name.len, evidence: { call: 'get_name', output: name.text, dialect: ctx.dialect } }] : []),
      ...session.fixtureAnswers().flatMap((a) => (a.call.kind === 'output' ? [{ label: a.label, ptr: a.call.ptr, len: a.call.len, evidence: answerEvidence(a, ctx.dialect) }] : [])),
    ];
    const ambiguous = results.filter((r) => r.ptr === 0 || r.len === 0);
    if (ambiguous.length === 0) return pass(`${results.length} results point at real data`);
    return fail(
      ambiguous.map((r) => `\`${r.label}\` returned ptr=${r.ptr} len=${r.len}: a host that tests ${r.ptr === 0 ? 'the pointer' : 'the length'} reads it as "no data"`).join(' | '),
      {
        failing: ambiguous.map((r) => ({ ...r.evidence, ptr: r.ptr, len: r.len })),
        specRef: SPEC,
        fix: 'return output from a block your allocator handed out (never address 0) with its exact length; return packed 0 only to say "no data"',
      },
    );
  },
});
