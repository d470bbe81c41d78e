/**
 * Decides which profile a run uses: the one asked for, or the one detection picks. A module that
 * matches none is a coded error naming the nearest profile and exactly what differs.
 */
import { ProfileError } from '../errors.js';
import { describeNearMiss, detectProfile } from '../profiles/detect-profile.js';
import type { ProfileScore } from '../profiles/detect-profile.js';
import type { Dialect, PluginManifest, Profile } from '../profiles/profile.js';
import { getProfile, PROFILES } from '../profiles/registry.js';
import type { ModuleInfo } from '../wasm/index.js';

/** The profile a run uses and how it was chosen. */
export interface ResolvedProfile {
  readonly profile: Profile;
  readonly dialect: Dialect;
  readonly source: 'detected' | 'forced';
  readonly candidates: readonly ProfileScore[];
}

/** Resolves the profile for a module; `forced` is the `--profile` value, if any. */
export function resolveProfile(module: ModuleInfo, path: string, forced?: string, manifest?: PluginManifest): ResolvedProfile {
  const detection = detectProfile(module, manifest);
  if (forced !== undefined) {
    const profile = getProfile(forced);
    return { profile, dialect: profile.detectDialect(module, manifest), source: 'forced', candidates: detection.candidates };
  }
  if (detection.kind === 'matched') {
    return { profile: getProfile(detection.best.profile), dialect: detection.best.dialect, source: 'detected', candidates: detection.candidates };
  }
  const nearest = detection.nearest;
  const exported = module.exports.map((e) => e.name).slice(0, 12).join(', ') || 'nothing';
  throw new ProfileError(
    'PLUGCHECK_NO_PROFILE_MATCH',
    nearest === undefined
      ? `${path} matches no plugin profile`
      : `${path} matches no plugin profile; nearest is ${nearest.profile} (score ${nearest.score}): ${describeNearMiss(nearest)}`,
    {
      expected: `the exports of one of: ${PROFILES.map((p) => p.id).join(', ')}`,
      received: `exports ${exported}`,
      fix:
        nearest === undefined
          ? 'check that this is a plugin build (not a library or a test binary), or name the profile with --profile'
          : `add what ${nearest.profile} is missing, or force it with --profile ${nearest.profile} to see every check`,
    },
  );
}
