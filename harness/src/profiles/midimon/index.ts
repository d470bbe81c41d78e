/**
 * Profile `midimon` (seed 002). Filled in by the midimon work; registered through MIDIMON_PROFILES.
 */
import type { Profile } from '../profile.js';

/** The midimon profiles, in detection order. */
export const MIDIMON_PROFILES: readonly Profile[] = [];
