/**
 * `lifecycle.get-name`: `get_name()` returns a packed pointer to a non-empty, valid UTF-8 name
 * inside memory. Bifrost keys plugins by this name.
 */
import { describeFailedCall, failedCallEvidence } from '../../profiles/bifrost/describe-call.js';
import { fail, pass } from '../../report/check-result.js';
import { defineLifecycleCheck } from './define-lifecycle-check.js';

export default defineLifecycleCheck({
  id: 'lifecycle.get-name',
  title: '`get_name` returns a non-empty UTF-8 name',
  specRef: 'seed 001 §Exports: get_name "Returns packed ptr+len of plugin name"',
  run({ caller }) {
    const call = caller.name();
    if (call.kind !== 'output') {
      return fail(describeFailedCall(call, '`get_name`'), { ...failedCallEvidence(call), fix: 'return (ptr << 32) | len of a UTF-8 string in memory' });
    }
    if (call.text.trim().length === 0) {
      return fail(`\`get_name\` returned an empty name (${call.len} bytes)`, { ptr: call.ptr, len: call.len, name: call.text });
    }
    return pass(`name is "${call.text}"`, { name: call.text, ptr: call.ptr, len: call.len });
  },
});
