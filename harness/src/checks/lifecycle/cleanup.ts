/**
 * `lifecycle.cleanup`: `cleanup()` returns 0 after the plugin has served hooks.
 */
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import { fail, pass } from '../../report/check-result.js';
import { defineLifecycleCheck } from './define-lifecycle-check.js';

export default defineLifecycleCheck({
  id: 'lifecycle.cleanup',
  title: '`cleanup` returns 0',
  specRef: 'seed 001 §Exports: cleanup "(0 = success)"; seed 000 §Plugin Structure: cleanup',
  run({ caller }) {
    const result = caller.cleanup();
    if (result.kind !== 'status') return fail(describeFailedCall(result, '`cleanup`'), failedCallEvidence(result));
    if (result.code !== 0) {
      return fail(`\`cleanup\` returned ${result.code}, expected 0`, { returned: result.code, fix: 'return 0 from cleanup once resources are released' });
    }
    return pass('`cleanup` returned 0');
  },
});
