/**
 * The shape of the `alloc.*` checks that judge blocks the ledger recorded: collect the findings of
 * the kinds the check owns, and fail listing every offending block (not a count) with what the
 * real host does with such a block and how to fix the allocator.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { LedgerFinding } from '../../memory/block-ledger.js';
import { fail, pass } from '../../report/check-result.js';
import type { CheckOutcome } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';

/** Offending blocks listed in full; past this many the evidence says how many more there were. */
const MAX_LISTED = 20;

/** The findings a ledger check judges, or why there are none to judge. */
export type LedgerSource = { readonly ok: true; readonly findings: readonly LedgerFinding[]; readonly scope: string } | { readonly ok: false; readonly outcome: CheckOutcome };

/** Defines an `alloc.*` check over ledger findings of the given kinds. */
export function defineLedgerCheck(definition: {
  readonly id: string;
  readonly title: string;
  readonly specRef: string;
  readonly dependsOn: readonly string[];
  readonly kinds: readonly LedgerFinding['kind'][];
  /** Where the findings come from (the allocator probe, the growth run, the free-size run). */
  readonly source: (ctx: CheckContext) => LedgerSource | Promise<LedgerSource>;
  /** One line per offending block. */
  readonly describe: (finding: LedgerFinding) => string;
  /** What the real host does with such a block, and the fix. */
  readonly consequence: string;
}): CheckDefinition {
  const { kinds, source, describe, consequence, ...described } = definition;
  return defineCheck({
    ...described,
    appliesTo: ['bifrost-v1', 'bifrost-v2'],
    async run(ctx) {
      const found = await source(ctx);
      if (!found.ok) return found.outcome;
      const offending = found.findings.filter((f) => kinds.includes(f.kind));
      if (offending.length === 0) return pass(`no offending block in ${found.scope}`);
      const listed = offending.slice(0, MAX_LISTED);
      const more = offending.length - listed.length;
      return fail(`${listed.slice(0, 3).map(describe).join('; ')}${offending.length > 3 ? ` (and ${offending.length - 3} more, listed in the evidence)` : ''}. ${consequence}`, {
        scope: found.scope,
        offending: listed,
        ...(more > 0 ? { notListed: more } : {}),
      });
    },
  });
}
