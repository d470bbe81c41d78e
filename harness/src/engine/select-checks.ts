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

/** Compiles `--only`/`--skip` globs; a glob that matches no applicable check is a usage error (a typo would silently select nothing). */
function patternsFor(flag: 'only' | 'skip', globs: readonly string[], applicable: readonly CheckDefinition[], profile: ProfileId): RegExp[] {
  return globs.map((glob) => {
    const re = globToRegExp(glob);
    if (!applicable.some((c) => re.test(c.id))) {
      throw new UsageError(`--${flag} ${glob} matches no check of profile ${profile}`, {
        expected: `a glob over: ${applicable.map((c) => c.id).join(', ')}`,
        received: glob,
        fix: `use one of the ids above; \`*\` matches any run of characters, e.g. --${flag} "abi.*"`,
      });
    }
    return re;
  });
}

/** The checks to run, in registry order: those `only` matches (all when empty) minus those `skip` matches. A glob that matches nothing is a usage error. */
export function selectChecks(profile: ProfileId, only: readonly string[] = [], skip: readonly string[] = []): CheckDefinition[] {
  const applicable = CHECKS.filter((c) => c.appliesTo.includes(profile));
  const keep = patternsFor('only', only, applicable, profile);
  const drop = patternsFor('skip', skip, applicable, profile);
  return applicable.filter((c) => (keep.length === 0 || keep.some((re) => re.test(c.id))) && !drop.some((re) => re.test(c.id)));
}
