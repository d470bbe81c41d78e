/**
 * The shape every `schema.*` and `semantics.*` check for Bifrost shares: it applies to the Bifrost
 * profiles, names the checks it depends on, and works on the shared {@link ContractSession}.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { ProfileId } from '../../profiles/profile.js';
import { fail } from '../../report/check-result.js';
import type { CheckOutcome } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';
import { contractSession } from './contract-session.js';
import type { ContractSession } from './contract-session.js';

/** What a contract check's body receives. */
export interface ContractInput {
  readonly ctx: CheckContext;
  readonly session: ContractSession;
}

/** Defines a check that judges the answers of the contract session. */
export function defineContractCheck(definition: {
  readonly id: string;
  readonly title: string;
  readonly specRef: string;
  /** Both Bifrost profiles unless narrowed (rules only bifrost-v2's envelopes have). */
  readonly appliesTo?: readonly ProfileId[];
  readonly dependsOn: readonly string[];
  readonly run: (input: ContractInput) => CheckOutcome;
}): CheckDefinition {
  return defineCheck({
    id: definition.id,
    title: definition.title,
    specRef: definition.specRef,
    appliesTo: definition.appliesTo ?? ['bifrost-v1', 'bifrost-v2'],
    dependsOn: definition.dependsOn,
    run(ctx) {
      const started = contractSession(ctx);
      // Only reachable with --only, when lifecycle.instantiate itself was not run.
      if (!started.ok) return fail(`the plugin did not instantiate (${started.trap.kind}): ${started.trap.message}`, { trap: started.trap });
      return definition.run({ ctx, session: started.session });
    },
  });
}
