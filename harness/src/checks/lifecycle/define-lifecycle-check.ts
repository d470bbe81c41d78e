/**
 * The shape every Bifrost lifecycle check shares: it applies to both Bifrost profiles, runs after
 * `lifecycle.instantiate`, and works on the shared session (one long-lived instance, `init` done).
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { BifrostCaller } from '../../profiles/bifrost/bifrost-caller.js';
import { bifrostProfile, bifrostSession } from '../../profiles/bifrost/bifrost-session.js';
import type { BifrostSession } from '../../profiles/bifrost/bifrost-session.js';
import type { BifrostProfile } from '../../profiles/profile.js';
import { fail } from '../../report/check-result.js';
import type { CheckOutcome } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';

/** What a lifecycle check's body receives. */
export interface LifecycleInput {
  readonly ctx: CheckContext;
  readonly caller: BifrostCaller;
  readonly session: Extract<BifrostSession, { ok: true }>;
  readonly profile: BifrostProfile;
}

/** Defines a check that runs on the shared Bifrost session. */
export function defineLifecycleCheck(definition: {
  readonly id: string;
  readonly title: string;
  readonly specRef: string;
  readonly run: (input: LifecycleInput) => CheckOutcome;
}): CheckDefinition {
  return defineCheck({
    id: definition.id,
    title: definition.title,
    specRef: definition.specRef,
    appliesTo: ['bifrost-v1', 'bifrost-v2'],
    dependsOn: ['lifecycle.instantiate'],
    run(ctx) {
      const session = bifrostSession(ctx);
      // Only reachable with --only, when lifecycle.instantiate itself was not run.
      if (!session.ok) return fail(`the plugin did not instantiate (${session.trap.kind}): ${session.trap.message}`, { trap: session.trap });
      return definition.run({ ctx, caller: session.caller, session, profile: bifrostProfile(ctx) });
    },
  });
}
