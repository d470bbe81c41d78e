/**
 * The shape of a Bifrost fuzz check: cases go to a long-lived instance started like the real host's
 * (instantiate, `init`), a failed case's instance is replaced, and the judging is the check's own;
 * generation, shrinking, bundles and replay are run-fuzz-check.ts's.
 */
import type { Arbitrary } from 'fast-check';
import type { CheckContext } from '../../engine/check-context.js';
import type { BifrostCaller } from '../../profiles/bifrost/bifrost-caller.js';
import { bifrostProfile } from '../../profiles/bifrost/bifrost-session.js';
import type { BifrostProfile } from '../../profiles/profile.js';
import type { CheckOutcome } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';
import { exportedHooks, startInstance } from '../schema/contract-session.js';
import type { ExportedHook } from '../schema/contract-session.js';
import { bifrostCall, showBifrostCase } from './fuzz-bundle.js';
import { caseFromBundle } from './fuzz-case.js';
import type { FuzzCase } from './fuzz-case.js';
import { runFuzzCheck } from './run-fuzz-check.js';
import type { CaseVerdict, FuzzSubject } from './run-fuzz-check.js';

export type { CaseVerdict } from './run-fuzz-check.js';

/** What one Bifrost fuzz check is: its registry fields, its cases and how it judges one. */
export interface BifrostFuzzDefinition {
  readonly id: string;
  readonly title: string;
  readonly specRef: string;
  readonly dependsOn: readonly string[];
  /** What one case is, for messages: "schema-valid input". */
  readonly what: string;
  readonly fix: string;
  readonly cases: (ctx: CheckContext, profile: BifrostProfile, hooks: readonly ExportedHook[]) => Arbitrary<FuzzCase>;
  readonly judge: (caller: BifrostCaller, profile: BifrostProfile, fuzzCase: FuzzCase) => CaseVerdict;
}

/**
 * The fuzz subject of a Bifrost fuzz check on `ctx`'s plugin; `cases` replaces the definition's
 * own (the fuzz-throughput bench pads them to a size), everything else is the check's.
 */
export function bifrostFuzzSubject(ctx: CheckContext, definition: BifrostFuzzDefinition, cases?: Arbitrary<FuzzCase>): FuzzSubject<FuzzCase> {
  const profile = bifrostProfile(ctx);
  const hooks = exportedHooks(ctx, profile);
  let caller: BifrostCaller | undefined;
  return {
    what: definition.what,
    targets: `${hooks.length} hooks`,
    fix: definition.fix,
    cases: cases ?? definition.cases(ctx, profile, hooks),
    // A failed case may leave the instance broken (a trap mid-write): the next case gets a new one.
    judge(fuzzCase, fresh) {
      if (fresh) caller = undefined;
      if (caller === undefined) {
        const started = startInstance(ctx, profile);
        if (!started.ok) return { ok: false, problem: `the plugin did not instantiate (${started.trap.kind}): ${started.trap.message}`, evidence: { trap: started.trap } };
        caller = started.caller;
      }
      const verdict = definition.judge(caller, profile, fuzzCase);
      if (!verdict.ok) caller = undefined;
      return verdict;
    },
    call: (fuzzCase) => bifrostCall(ctx, profile, fuzzCase, []),
    fromCall: (call) => caseFromBundle(hooks, call.export, call.inputs, call.placement) ?? `it calls \`${call.export}\`, which the plugin does not export (it exports ${hooks.map((h) => h.exportName).join(', ')})`,
    show: showBifrostCase,
  };
}

/** Defines one Bifrost fuzz check. */
export function defineBifrostFuzzCheck(definition: BifrostFuzzDefinition): CheckDefinition {
  return defineCheck({
    id: definition.id,
    title: definition.title,
    specRef: definition.specRef,
    appliesTo: ['bifrost-v1', 'bifrost-v2'],
    dependsOn: definition.dependsOn,
    run: (ctx): CheckOutcome => runFuzzCheck<FuzzCase>(ctx, definition.id, bifrostFuzzSubject(ctx, definition)),
  });
}
