/**
 * Profiles `extism-datasource` (seed 004) and the general `extism`. Registered through EXTISM_PROFILES,
 * the more specific first.
 */
import type { Profile } from '../profile.js';
import { datasourceProfile } from './datasource-profile.js';
import { extismProfile } from './extism-profile.js';

/** The Extism profiles, the more specific first (detection prefers the earlier one on a tie). */
export const EXTISM_PROFILES: readonly Profile[] = [datasourceProfile, extismProfile];
