/**
 * `lifecycle.cleanup`: `cleanup()` returns 0 after the plugin has served hooks.
 */
import { bifrostSession } from '../../profiles/bifrost/bifrost-session.js';
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

export default defineCheck({
  id: 'lifecycle.cleanup',
  title: '`cleanup` returns 0',
  specRef: 'seed 001 §Exports: cleanup "(0 = success)"; seed 000 §Plugin Structure: cleanup',
  appliesTo: ['bifrost-v1', 'bifrost-v2'],
  dependsOn: ['lifecycle.instantiate'],
  run(ctx) {
    const session = bifrostSession(ctx);
    if (!session.ok) return fail('the plugin did not instantiate', { trap: session.trap });
    const result = session.caller.cleanup();
    if (result.kind !== 'status') return fail(describeFailedCall(result, '`cleanup`'), failedCallEvidence(result));
    if (result.code !== 0) {
      return fail(`\`cleanup\` returned ${result.code}, expected 0`, { returned: result.code, fix: 'return 0 from cleanup once resources are released' });
    }
    return pass('`cleanup` returned 0');
  },
});
