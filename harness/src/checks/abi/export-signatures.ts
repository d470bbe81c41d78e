/**
 * `abi.export-signatures`: every export whose name the profile knows has exactly a signature the
 * host calls it with. A JS host would call a mistyped export anyway and read garbage (an i32 where
 * an i64 is packed, say), so the types are read from the binary.
 */
import { fail, pass } from '../../report/check-result.js';
import { formatSignature, sameSignature } from '../../wasm/index.js';
import { defineCheck } from '../check-definition.js';
import { ALL_PROFILE_IDS } from '../../profiles/profile.js';

export default defineCheck({
  id: 'abi.export-signatures',
  title: 'Known exports have exactly the signatures the host calls',
  specRef: 'seed 000 §Plugin Structure (signature column); seed 001 §Exports (signature column)',
  appliesTo: ALL_PROFILE_IDS,
  run(ctx) {
    const mistyped = [];
    let checked = 0;
    for (const spec of ctx.profile.exports) {
      if (spec.role === 'memory') continue;
      const exp = ctx.module.exports.find((e) => e.name === spec.name);
      if (exp === undefined) continue;
      checked++;
      const received = exp.signature;
      if (exp.kind === 'function' && received !== undefined && spec.signatures.some((s) => sameSignature(s, received))) continue;
      mistyped.push({
        export: spec.name,
        expected: spec.signatures.map(formatSignature),
        received: received === undefined ? `a ${exp.kind}` : formatSignature(received),
        specRef: spec.specRef,
      });
    }
    if (mistyped.length === 0) return pass(`${checked} known exports have the expected signatures`);
    const first = mistyped[0];
    const summary = mistyped.map((m) => `\`${m.export}\` is ${m.received}, expected ${m.expected.join(' or ')}`).join('; ');
    return fail(summary, {
      mistyped,
      fix: first === undefined ? '' : `declare \`${first.export}\` as ${first.expected[0] ?? ''}`,
    });
  },
});
