/**
 * Chooses the checks of a run: those that apply to the profile, narrowed by `--only` globs.
 */
import type { CheckDefinition } from '../checks/check-definition.js';
import { CHECKS } from '../checks/index.js';
import { UsageError } from '../errors.js';
import type { ProfileId } from '../profiles/profile.js';

/** Converts a check-id glob (`abi.*`, `lifecycle.get-name`) to a RegExp. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** The checks to run, in registry order. A glob that matches nothing is a usage error. */
export function selectChecks(profile: ProfileId, only: readonly string[] = []): CheckDefinition[] {
  const applicable = CHECKS.filter((c) => c.appliesTo.includes(profile));
  if (only.length === 0) return applicable;
  const patterns = only.map((g) => ({ glob: g, re: globToRegExp(g) }));
  for (const { glob, re } of patterns) {
    if (!applicable.some((c) => re.test(c.id))) {
      throw new UsageError(`--only ${glob} matches no check of profile ${profile}`, {
        expected: `a glob over: ${applicable.map((c) => c.id).join(', ')}`,
        received: glob,
        fix: 'use one of the ids above; `*` matches any run of characters, e.g. --only "abi.*"',
      });
    }
  }
  return applicable.filter((c) => patterns.some(({ re }) => re.test(c.id)));
}
