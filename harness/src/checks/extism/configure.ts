/**
 * `lifecycle.configure`: the configure export (`plugin_configure`, or `init` in the current
 * generation) accepts a credentials map: rc 0, no `error_set`, and well-formed host calls.
 */
import { configureExport, configureStep } from '../../profiles/extism/datasource-run.js';
import { callEvidence, describeCall } from '../../profiles/extism/describe-extism-call.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

export default defineCheck({
  id: 'lifecycle.configure',
  title: 'The configure export accepts a credentials map',
  specRef: 'seed 004 §Plugin Flow ("Calls plugin_configure with config"); seed-systems §5.4 (input map[string]string)',
  appliesTo: ['extism-datasource'],
  dependsOn: ['lifecycle.instantiate', 'lifecycle.metadata'],
  async run(ctx) {
    const step = await configureStep(ctx);
    const name = configureExport(ctx);
    if (!step.ok) return fail(`the plugin could not be loaded to configure it (${step.trap.kind}): ${step.trap.message}`, { trap: step.trap });
    const entry = step.calls[0];
    if (entry === undefined) return skip(`the plugin exports no \`${name}\` (abi.required-exports reports it)`);
    const { call } = entry;
    const malformed = entry.findings.filter((f) => f.kind === 'malformed').map((f) => `${f.import}: ${f.problem}`);
    const refused = call.kind === 'trapped' || call.error !== null || (call.rc !== undefined && call.rc !== 0);
    if (refused || malformed.length > 0) {
      const what = refused ? `\`${name}\` ${describeCall(call)} for a valid credentials map` : `\`${name}\` sent malformed host calls: ${malformed.join('; ')}`;
      return fail(what, {
        ...callEvidence(entry),
        fix: `accept any JSON object of string credentials in \`${name}\` and return 0; fail (error_set and return 1) only on input that is not a config`,
      });
    }
    const output = call.kind === 'returned' && call.output?.text != null ? `, output ${JSON.stringify(call.output.text.slice(0, 80))}` : '';
    return pass(`\`${name}\` accepted the credentials map (rc ${call.kind === 'returned' ? (call.rc ?? 'unknown') : '?'}${output})`, callEvidence(entry));
  },
});
