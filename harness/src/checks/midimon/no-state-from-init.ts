/**
 * `lifecycle.no-state-from-init`: `execute` does not rely on state that `init` set up. The real
 * host runs every `init` and every `execute` in a new instance (seed-systems §3.5), so such state
 * is never there. Every `execute` call that did not return 0 in a fresh instance is repeated in an
 * instance where `init` ran first; one that then returns 0 depended on `init`.
 */
import { describeMidimonFailure, statusMeaning } from '../../profiles/midimon/describe-midimon-call.js';
import type { ExecuteCall } from '../../profiles/midimon/midimon-caller.js';
import { executeRuns } from '../../profiles/midimon/midimon-session.js';
import { fail, pass } from '../../report/check-result.js';
import { defineMidimonCheck } from './define-midimon-check.js';

const answered = (call: ExecuteCall, what: string) =>
  call.kind === 'status' ? `returned ${call.code} (${statusMeaning(call.code)})` : describeMidimonFailure(call, what);

export default defineMidimonCheck({
  id: 'lifecycle.no-state-from-init',
  title: '`execute` does not rely on state set by `init`',
  specRef: 'spec-decisions "midimon" (every init and every execute runs in a fresh instance); seed-systems §3.5',
  run({ ctx, caller, metadata }) {
    const runs = executeRuns(ctx, metadata);
    const failing = runs.filter((r) => !(r.call.kind === 'status' && r.call.code === 0));
    if (failing.length === 0) return pass(`all ${runs.length} \`execute\` calls returned 0 in fresh instances where \`init\` never ran`);
    const retried = failing.map((run) => ({
      run,
      afterInit: caller.execute(run.request, { capabilities: metadata.capabilities, initFirst: true, label: `execute ${run.action} (${run.fixture.id}) after init` }),
    }));
    const dependent = retried.filter(({ afterInit }) => afterInit.kind === 'status' && afterInit.code === 0);
    const evidence = retried.map(({ run, afterInit }) => ({
      action: run.action,
      context: run.fixture.id,
      freshInstance: answered(run.call, '`execute`'),
      afterInitInSameInstance: answered(afterInit, '`execute`'),
    }));
    if (dependent.length > 0) {
      const cases = dependent.map(({ run }) => `\`${run.action}\` with ${run.fixture.label} ${answered(run.call, '`execute`')} in a fresh instance, as the host calls it, but 0 in an instance where \`init\` ran first`);
      return fail(
        `\`execute\` relies on state set by \`init\`: ${cases.join('; ')}. The real host runs every \`init\` and every \`execute\` in a new instance, so that state is never there`,
        { calls: evidence, fix: 'set up what execute needs inside execute (lazily, on first use), never in init; keep lasting data in the plugin-data directory (filesystem capability)' },
      );
    }
    return pass(`the ${failing.length} \`execute\` calls that fail in a fresh instance fail the same after \`init\`: no dependency on its state (lifecycle.execute has their cause)`, { calls: evidence });
  },
});
