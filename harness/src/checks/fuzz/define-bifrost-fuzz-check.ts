/**
 * The shape of a Bifrost fuzz check: generate cases, send each to a long-lived instance started
 * like the real host's (instantiate, `init`), judge the answer, and on a failure let fast-check
 * shrink the case to a minimal one. The minimal case is sent again to a fresh instance, and the
 * failure reports the seed, the shrink path, the plugin's sha256 and a replay bundle. With
 * `options.replay` the check sends exactly the bundle's case instead of generating.
 */
import type { Arbitrary } from 'fast-check';
import type { CheckContext } from '../../engine/check-context.js';
import { fuzzSettings } from '../../fuzz/fuzz-settings.js';
import { runProperty } from '../../fuzz/run-property.js';
import type { BifrostCaller } from '../../profiles/bifrost/bifrost-caller.js';
import { bifrostProfile } from '../../profiles/bifrost/bifrost-session.js';
import type { BifrostProfile } from '../../profiles/profile.js';
import { fail, pass } from '../../report/check-result.js';
import type { CheckOutcome, Evidence } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';
import { exportedHooks, startInstance } from '../schema/contract-session.js';
import type { ExportedHook } from '../schema/contract-session.js';
import { fuzzBundle, notePendingCase, pluginSha256 } from './fuzz-bundle.js';
import { caseFromBundle, showCase } from './fuzz-case.js';
import type { FuzzCase } from './fuzz-case.js';

/** What a judged case came to: nothing wrong, or what is wrong with evidence. */
export type CaseVerdict = { readonly ok: true } | { readonly ok: false; readonly problem: string; readonly evidence: Evidence };

/** Defines one Bifrost fuzz check. */
export function defineBifrostFuzzCheck(definition: {
  readonly id: string;
  readonly title: string;
  readonly specRef: string;
  readonly dependsOn: readonly string[];
  /** What one case is, for messages: "schema-valid input". */
  readonly what: string;
  readonly fix: string;
  readonly cases: (ctx: CheckContext, profile: BifrostProfile, hooks: readonly ExportedHook[]) => Arbitrary<FuzzCase>;
  readonly judge: (caller: BifrostCaller, profile: BifrostProfile, fuzzCase: FuzzCase) => CaseVerdict;
}): CheckDefinition {
  return defineCheck({
    id: definition.id,
    title: definition.title,
    specRef: definition.specRef,
    appliesTo: ['bifrost-v1', 'bifrost-v2'],
    dependsOn: definition.dependsOn,
    run(ctx): CheckOutcome {
      const profile = bifrostProfile(ctx);
      const hooks = exportedHooks(ctx, profile);
      let caller: BifrostCaller | undefined;
      // A failed case may leave the instance broken (a trap mid-write): the next case gets a new one.
      const judgeOnce = (fuzzCase: FuzzCase, fresh: boolean): CaseVerdict => {
        if (fresh) caller = undefined;
        if (caller === undefined) {
          const started = startInstance(ctx, profile);
          if (!started.ok) return { ok: false, problem: `the plugin did not instantiate (${started.trap.kind}): ${started.trap.message}`, evidence: { trap: started.trap } };
          caller = started.caller;
        }
        const verdict = definition.judge(caller, profile, fuzzCase);
        if (!verdict.ok) caller = undefined;
        return verdict;
      };
      const replay = ctx.options.replay;
      if (replay !== undefined) {
        const fuzzCase = caseFromBundle(hooks, replay.export, replay.inputs);
        if (fuzzCase === undefined) return fail(`the replay bundle calls \`${replay.export}\`, which the plugin does not export`, { exports: hooks.map((h) => h.exportName) });
        notePendingCase(ctx, profile, definition.id, { seed: ctx.options.seed, runs: 1 }, fuzzCase);
        const verdict = judgeOnce(fuzzCase, true);
        if (verdict.ok) return pass(`the replayed ${definition.what} to \`${fuzzCase.exportName}\` was answered correctly: ${showCase(fuzzCase)}`);
        return fail(`replayed: ${verdict.problem}`, { input: showCase(fuzzCase, 2000), ...verdict.evidence });
      }
      const settings = fuzzSettings(ctx.options);
      // fast-check's path to a generated case is its index; a case tried while shrinking has none yet.
      let index = 0;
      let shrinking = false;
      const run = runProperty(
        definition.cases(ctx, profile, hooks),
        (c) => {
          notePendingCase(ctx, profile, definition.id, { seed: settings.seed, runs: index + 1, path: shrinking ? undefined : String(index) }, c);
          index++;
          const ok = judgeOnce(c, false).ok;
          shrinking ||= !ok;
          return ok;
        },
        settings,
      );
      if (run.kind === 'held') {
        const budget = run.interrupted ? ` (stopped by the ${settings.timeMs} ms budget)` : '';
        return pass(`${run.runs} ${definition.what}s to ${hooks.length} hooks answered correctly${budget} (seed ${settings.seed})`);
      }
      const minimal = run.counterexample;
      const again = judgeOnce(minimal, true);
      const sha256 = pluginSha256(ctx);
      const problem = again.ok ? 'it answered correctly on a fresh instance but not after the cases before it (state carried between calls)' : again.problem;
      const bundle = fuzzBundle(ctx, profile, definition.id, run, minimal, [], { status: 'failed', message: problem });
      return fail(
        `${minimal.kind === 'valid' ? `a ${definition.what}` : `an input mutated by \`${minimal.kind}\``} to \`${minimal.exportName}\` failed after ${run.runs} cases, shrunk in ${run.shrinks} steps to ${showCase(minimal)} — ${problem}. ` +
          `seed ${run.seed}, shrink path "${run.path}", plugin sha256 ${sha256}; replay: plugcheck replay <report dir>/repro-${definition.id}.json`,
        {
          seed: run.seed,
          shrinkPath: run.path,
          runs: run.runs,
          shrinks: run.shrinks,
          pluginSha256: sha256,
          export: minimal.exportName,
          mutation: minimal.kind,
          input: showCase(minimal, 4000),
          ...(again.ok ? {} : again.evidence),
          replayBundle: bundle,
          fix: definition.fix,
        },
      );
    },
  });
}
