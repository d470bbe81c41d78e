/**
 * `lifecycle.init`: `init(config_ptr, config_len)` with the seed's example config returns 0.
 * `init` is optional (seed-systems §1.3); without it the check is skipped.
 */
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineLifecycleCheck } from './define-lifecycle-check.js';

export default defineLifecycleCheck({
  id: 'lifecycle.init',
  title: '`init` with a config returns 0',
  specRef: 'seed 001 §Exports: init "(0 = success)"; seed 000 §Plugin Structure: init',
  run({ session, profile }) {
    const result = session.init;
    const config = JSON.stringify(profile.initConfig);
    if (result === undefined) return skip('the plugin exports no `init` (optional)');
    if (result.kind !== 'status') return fail(describeFailedCall(result, '`init`'), { config, ...failedCallEvidence(result) });
    if (result.code !== 0) {
      return fail(`\`init\` returned ${result.code} for a valid config, expected 0`, {
        config,
        returned: result.code,
        fix: 'return 0 from init when the config is acceptable; Bifrost aborts loading the plugin otherwise',
      });
    }
    return pass('`init` returned 0', { config });
  },
});
