/**
 * `schema.name`: the name `get_name` returns fits the profile's name schema (non-empty, no control
 * characters, no surrounding whitespace, at most 256 characters). An unreadable or empty name is
 * lifecycle.get-name's finding; this check runs after it passed.
 */
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import { fail, pass } from '../../report/check-result.js';
import { describeViolation } from '../../schema/schema-violation.js';
import { requireHookSchema } from '../../schema/validated-hook-call.js';
import { defineContractCheck } from './define-contract-check.js';

export default defineContractCheck({
  id: 'schema.name',
  title: 'The name `get_name` returns fits the name schema',
  specRef: 'seed 001 §Exports: get_name; seed 000 §Plugin Structure: get_name; schemas/<profile>/get_name.output.schema.json',
  dependsOn: ['lifecycle.get-name'],
  run({ ctx, session }) {
    const call = session.caller.name();
    if (call.kind !== 'output') return fail(describeFailedCall(call, '`get_name`'), failedCallEvidence(call));
    const schema = requireHookSchema(session.profile.id, 'get_name', 'output');
    const verdict = schema.check(call.text);
    if (verdict.ok) return pass(`name ${JSON.stringify(call.text)} fits schemas/${schema.file}`);
    return fail(`\`get_name\` returned ${JSON.stringify(call.text)}, which does not fit schemas/${schema.file}: ${verdict.violations.map(describeViolation).join('; ')}`, {
      name: call.text,
      ptr: call.ptr,
      len: call.len,
      schema: schema.file,
      violations: verdict.violations,
      dialect: ctx.dialect,
      specRef: 'seed 001 §Exports: get_name "Returns packed ptr+len of plugin name"',
      fix: 'return the bare name: printable characters, no newline or NUL terminator, no padding, at most 256 characters',
    });
  },
});
