/**
 * What a check is: a small definition object with a stable id, a title, the seed section it
 * enforces, the profiles it applies to, the checks it depends on, and `run`.
 */
import type { CheckContext } from '../engine/check-context.js';
import type { ProfileId } from '../profiles/profile.js';
import type { CheckOutcome } from '../report/check-result.js';

/** One check. Ids are stable: they key expectations, reports and replay commands. */
export interface CheckDefinition {
  /** `group.name`, kebab-case, e.g. `abi.memory-exported`. */
  readonly id: string;
  readonly title: string;
  /** The seed section (or spec decision) the check enforces. */
  readonly specRef: string;
  readonly appliesTo: readonly ProfileId[];
  /**
   * Checks that must pass first. When one did not, this check is `skipped` and names it, so a
   * report shows the root cause once instead of a cascade of failures.
   */
  readonly dependsOn?: readonly string[];
  /** Runs the check inside the plugin worker. Plugin faults are returned, never thrown. */
  run(ctx: CheckContext): CheckOutcome | Promise<CheckOutcome>;
}

/** Identity function that gives a check object its type at the definition site. */
export function defineCheck(definition: CheckDefinition): CheckDefinition {
  return definition;
}
