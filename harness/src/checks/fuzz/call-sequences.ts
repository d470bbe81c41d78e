/**
 * `fuzz.call-sequences`: a long-lived instance answers like a fresh one. Generated sequences —
 * `init`, then any interleaving of hook calls with schema-valid inputs, then `cleanup` — run on one
 * instance, and every answer must equal (as JSON) the answer a fresh instance gives to the same
 * input: hooks are pure functions of their input, so state carried between calls is a defect.
 * A failing sequence shrinks like a value (fewer, smaller calls); the replay bundle lists the calls
 * before the failing one in `before`.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { fuzzSettings } from '../../fuzz/fuzz-settings.js';
import { inputPayload } from '../../fuzz/replay-bundle.js';
import { runProperty } from '../../fuzz/run-property.js';
import type { BifrostCaller } from '../../profiles/bifrost/bifrost-caller.js';
import { bifrostProfile } from '../../profiles/bifrost/bifrost-session.js';
import { describeFailedCall } from '../../profiles/bifrost/describe-call.js';
import type { BifrostProfile } from '../../profiles/profile.js';
import { fail, pass } from '../../report/check-result.js';
import { parseOutput } from '../../schema/validated-hook-call.js';
import { checkedHookCall } from '../../fuzz/checked-hook-call.js';
import type { CheckContext } from '../../engine/check-context.js';
import { defineCheck } from '../check-definition.js';
import { exportedHooks, startInstance } from '../schema/contract-session.js';
import { hookInputs } from './fuzz-arbitraries.js';
import { fuzzBundle, notePendingCase, pluginSha256 } from './fuzz-bundle.js';
import type { CaseOrigin } from './fuzz-bundle.js';
import { caseFromBundle, showCase, validCase, valueTexts } from './fuzz-case.js';
import type { FuzzCase } from './fuzz-case.js';

const SPEC = 'spec-decisions "bifrost": hooks are pure functions of their input — the same input gives the same output; seed-systems §1.7 (one long-lived instance: Init at load, hooks, Cleanup)';
/** Calls per sequence at most: enough to build up state, few enough to shrink quickly. */
const MAX_CALLS = 6;
/** Sequences cost a fresh instance per call, so they get a quarter of the run's cases. */
const RUNS_SHARE = 4;

/** Where a sequence went wrong. */
type SequenceVerdict = { readonly ok: true } | { readonly ok: false; readonly index: number; readonly problem: string; readonly reused: string; readonly fresh: string };

function answerOf(caller: BifrostCaller, profile: BifrostProfile, fuzzCase: FuzzCase): { value: unknown; shown: string } {
  const call = fuzzCase.values !== undefined
    ? checkedHookCall(caller, profile.id, fuzzCase.hook, fuzzCase.exportName, fuzzCase.values, fuzzCase.generated, `${fuzzCase.exportName} sequence`, valueTexts(fuzzCase)).call
    : caller.callHook(fuzzCase.exportName, fuzzCase.payloads, `${fuzzCase.exportName} sequence`);
  if (call.kind !== 'output') return { value: { failed: describeFailedCall(call, `\`${fuzzCase.exportName}\``) }, shown: describeFailedCall(call, 'the call') };
  const parsed = parseOutput(call.text);
  return { value: parsed.ok ? parsed.value : { text: call.text }, shown: call.text.slice(0, 2000) };
}

// `origin` says where the sequence came from, so a call that never returns is reported with it.
function runSequence(ctx: CheckContext, profile: BifrostProfile, sequence: readonly FuzzCase[], origin: CaseOrigin): SequenceVerdict {
  const started = startInstance(ctx, profile);
  if (!started.ok) return { ok: false, index: -1, problem: `the plugin did not instantiate (${started.trap.kind}): ${started.trap.message}`, reused: '', fresh: '' };
  for (const [index, fuzzCase] of sequence.entries()) {
    notePendingCase(ctx, profile, 'fuzz.call-sequences', origin, fuzzCase, sequence.slice(0, index));
    const reused = answerOf(started.caller, profile, fuzzCase);
    const fresh = startInstance(ctx, profile);
    if (!fresh.ok) return { ok: false, index, problem: `a fresh instance did not start: ${fresh.trap.message}`, reused: reused.shown, fresh: '' };
    const reference = answerOf(fresh.caller, profile, fuzzCase);
    if (!isDeepStrictEqual(reused.value, reference.value)) {
      return { ok: false, index, problem: `call ${index + 1} of the sequence (\`${fuzzCase.exportName}\`) answered differently on the long-lived instance than on a fresh one`, reused: reused.shown, fresh: reference.shown };
    }
  }
  if (started.caller.instance.hasFunction('cleanup')) {
    // Its status is lifecycle.cleanup's verdict; here it only must not trap after what came before.
    const cleaned = started.caller.cleanup();
    if (cleaned.kind !== 'status') return { ok: false, index: sequence.length, problem: describeFailedCall(cleaned, '`cleanup` after the sequence'), reused: '', fresh: '' };
  }
  return { ok: true };
}

export default defineCheck({
  id: 'fuzz.call-sequences',
  title: 'A long-lived instance answers every call of a sequence like a fresh instance',
  specRef: SPEC,
  appliesTo: ['bifrost-v1', 'bifrost-v2'],
  dependsOn: ['fuzz.valid-inputs'],
  run(ctx) {
    const profile = bifrostProfile(ctx);
    const hooks = exportedHooks(ctx, profile);
    const replay = ctx.options.replay;
    if (replay !== undefined) {
      const calls = [...(replay.before ?? []).filter((c) => c.export !== 'init'), { export: replay.export, inputs: replay.inputs }];
      const sequence = calls.map((c) => caseFromBundle(hooks, c.export, c.inputs));
      if (sequence.some((c) => c === undefined)) return fail('the replay bundle calls a hook the plugin does not export', { exports: hooks.map((h) => h.exportName), calls: calls.map((c) => c.export) });
      const verdict = runSequence(ctx, profile, sequence as FuzzCase[], { seed: ctx.options.seed, runs: 1 });
      return verdict.ok ? pass(`the replayed sequence of ${sequence.length} calls was answered like a fresh instance would`) : fail(`replayed: ${verdict.problem}`, { reused: verdict.reused, fresh: verdict.fresh, inputs: calls.map((c) => c.inputs.map((i) => String(inputPayload(i)).slice(0, 500))) });
    }
    const settings = fuzzSettings(ctx.options);
    const call = fc.oneof(...hooks.map((h) => hookInputs(profile.id, h.hook.name).map((doc) => validCase(h, doc))));
    const sequences = fc.array(call, { minLength: 1, maxLength: MAX_CALLS });
    let tried = 0;
    let shrinking = false;
    const run = runProperty(
      sequences,
      (s) => {
        const ok = runSequence(ctx, profile, s, { seed: settings.seed, runs: tried + 1, path: shrinking ? undefined : String(tried) }).ok;
        tried++;
        shrinking ||= !ok;
        return ok;
      },
      { ...settings, runs: Math.max(1, Math.ceil(settings.runs / RUNS_SHARE)) },
    );
    if (run.kind === 'held') return pass(`${run.runs} sequences of up to ${MAX_CALLS} calls answered like fresh instances${run.interrupted ? ` (stopped by the ${settings.timeMs} ms budget)` : ''} (seed ${settings.seed})`);
    const minimal = run.counterexample;
    const verdict = runSequence(ctx, profile, minimal, run);
    const index = verdict.ok ? minimal.length - 1 : Math.min(Math.max(verdict.index, 0), minimal.length - 1);
    const failing = minimal[index] as FuzzCase;
    const sha256 = pluginSha256(ctx);
    const problem = verdict.ok ? 'the sequence passed when run again alone (the failure depends on earlier sequences)' : verdict.problem;
    const bundle = fuzzBundle(ctx, profile, 'fuzz.call-sequences', run, failing, minimal.slice(0, index), { status: 'failed', message: problem });
    return fail(
      `a sequence of ${minimal.length} calls failed after ${run.runs} sequences, shrunk in ${run.shrinks} steps to ${minimal.map((c) => `${c.exportName}(${showCase(c, 120)})`).join(' → ')} — ${problem}. ` +
        `seed ${run.seed}, shrink path "${run.path}", plugin sha256 ${sha256}; replay: plugcheck replay <report dir>/repro-fuzz.call-sequences.json`,
      {
        seed: run.seed,
        shrinkPath: run.path,
        runs: run.runs,
        shrinks: run.shrinks,
        pluginSha256: sha256,
        sequence: minimal.map((c) => ({ export: c.exportName, input: showCase(c, 2000) })),
        ...(verdict.ok ? {} : { reusedAnswer: verdict.reused, freshAnswer: verdict.fresh }),
        replayBundle: bundle,
        specRef: SPEC,
        fix: 'derive each answer from the input only: no counters, caches or buffers that change what a later call answers',
      },
    );
  },
});
