/**
 * The profile registry: every profile plugcheck knows, in detection order.
 */
import { ProfileError } from '../errors.js';
import { bifrostV1 } from './bifrost-v1/index.js';
import { bifrostV2 } from './bifrost-v2/index.js';
import { EXTISM_PROFILES } from './extism/index.js';
import { FRANKENTERM_PROFILES } from './frankenterm/index.js';
import { MIDIMON_PROFILES } from './midimon/index.js';
import type { Profile, ProfileId } from './profile.js';

/** All profiles, in detection order (on a tie the earlier, more specific one wins). */
export const PROFILES: readonly Profile[] = [bifrostV2, bifrostV1, ...MIDIMON_PROFILES, ...FRANKENTERM_PROFILES, ...EXTISM_PROFILES];

/** Looks a profile up by id; an unknown id is a coded usage error listing the known ones. */
export function getProfile(id: string): Profile {
  const found = PROFILES.find((p) => p.id === id);
  if (found === undefined) {
    throw new ProfileError('PLUGCHECK_UNKNOWN_PROFILE', `unknown profile "${id}"`, {
      expected: `one of ${PROFILES.map((p) => p.id).join(', ')}`,
      received: id,
      fix: 'pass --profile with one of the ids above, or leave it out to let plugcheck detect the profile',
    });
  }
  return found;
}

/** Type guard for profile ids. */
export function isProfileId(id: string): id is ProfileId {
  return PROFILES.some((p) => p.id === id);
}
