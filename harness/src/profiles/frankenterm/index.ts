/**
 * Profile `frankenterm` (seed 003). Filled in by the frankenterm work; registered through FRANKENTERM_PROFILES.
 */
import type { Profile } from '../profile.js';

/** The frankenterm profiles, in detection order. */
export const FRANKENTERM_PROFILES: readonly Profile[] = [];
