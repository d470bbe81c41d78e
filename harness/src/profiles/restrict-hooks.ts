/**
 * The config's `hooks`: the Bifrost hooks a run exercises, when a project wants fewer than the
 * profile's (a plugin that implements only `pre_hook` on purpose, a CI job per hook). The checks
 * that call hooks (lifecycle, semantics, schema, memory, capability, fuzz) all walk
 * `profile.hooks`, so the run's profile is narrowed once and every one of them follows; the export
 * and ABI checks read `exports`/`required`, which stay whole.
 */
import { ConfigError } from '../errors.js';
import type { Profile } from './profile.js';

/**
 * `profile` with only the named hooks (matched by name or alias), or `profile` itself when `hooks`
 * is undefined or the profile's family has no hook list (only Bifrost profiles have one). A name
 * that is no hook of the profile is a PLUGCHECK_BAD_CONFIG error listing the valid ones.
 */
export function restrictHooks(profile: Profile, hooks: readonly string[] | undefined): Profile {
  if (hooks === undefined || profile.family !== 'bifrost') return profile;
  const names = (h: (typeof profile.hooks)[number]) => [h.name, ...(h.aliases ?? [])];
  const unknown = hooks.filter((wanted) => !profile.hooks.some((h) => names(h).includes(wanted)));
  if (unknown.length > 0) {
    const valid = profile.hooks.map((h) => h.name).join(', ');
    throw new ConfigError('PLUGCHECK_BAD_CONFIG', `"hooks" names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is no hook' : 'are no hooks'} of profile ${profile.id}`, {
      expected: `hooks of ${profile.id}: ${valid}`,
      received: hooks.join(', '),
      fix: `list only ${profile.id} hooks under "hooks" (or remove the key to exercise them all)`,
    });
  }
  return { ...profile, hooks: profile.hooks.filter((h) => names(h).some((n) => hooks.includes(n))) };
}
