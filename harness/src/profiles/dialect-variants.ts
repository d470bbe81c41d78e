/**
 * Every dialect axis of every profile and the variants its `detectDialect` can report, so a
 * config's `dialect` (top-level or a plugin's) can force one with the names checked. Kept next to
 * detection by a test that detects every bundled plugin and finds each value listed here.
 */
import { ConfigError } from '../errors.js';
import { DATASOURCE_NAMESPACES } from './extism/datasource-profile.js';
import { FT_NAMESPACES } from './frankenterm/frankenterm-host.js';
import { CONTEXT_NOT_STATIC } from './midimon/index.js';
import type { Dialect, ProfileId } from './profile.js';

const ALLOCATOR = { allocator: ['plugin_malloc', 'malloc', 'none'], free: ['free(ptr)', 'free(ptr,size)', 'none'] } as const;

/** Profile → dialect axis → the variants detection reports. */
export const DIALECT_VARIANTS: Readonly<Record<ProfileId, Readonly<Record<string, readonly string[]>>>> = {
  'bifrost-v1': ALLOCATOR,
  'bifrost-v2': { ...ALLOCATOR, http: ['http_pre_hook', 'http_intercept', 'none'] },
  midimon: { dealloc: ['dealloc(ptr,size)', 'none'], wasi: ['preview1', 'none'], context: [CONTEXT_NOT_STATIC] },
  frankenterm: {
    namespace: [...FT_NAMESPACES, 'mixed', 'other', 'none'],
    hooks: ['table', 'array', 'none', 'invalid', 'no-manifest'],
    entry: ['handlers', 'configure', '_start', 'none'],
  },
  extism: { guest: ['reactor', 'command', 'none'], wasi: ['preview1', 'none'] },
  'extism-datasource': { generation: ['generic', 'current', 'none'], namespace: [...DATASOURCE_NAMESPACES, 'both', 'other', 'none'] },
};

/**
 * The detected dialect with the axes `forced` names replaced: what the checks then assume, as
 * `--profile` forces a profile. An axis the profile does not have, or a variant it does not know,
 * is a PLUGCHECK_BAD_CONFIG error naming the valid ones.
 */
export function forceDialect(profile: ProfileId, detected: Dialect, forced: Dialect | undefined): Dialect {
  if (forced === undefined) return detected;
  const axes = DIALECT_VARIANTS[profile];
  for (const [axis, variant] of Object.entries(forced)) {
    const variants = axes[axis];
    if (variants === undefined) {
      throw new ConfigError('PLUGCHECK_BAD_CONFIG', `"dialect" names axis ${axis}, which profile ${profile} does not have`, {
        expected: `dialect axes of ${profile}: ${Object.keys(axes).join(', ')}`,
        received: axis,
        fix: `use one of those axes under "dialect", or remove ${axis}`,
      });
    }
    if (!variants.includes(variant)) {
      throw new ConfigError('PLUGCHECK_BAD_CONFIG', `"dialect" sets ${axis} to ${variant}, which is no ${axis} variant of profile ${profile}`, {
        expected: `${axis} of ${profile}: ${variants.join(', ')}`,
        received: variant,
        fix: `set "${axis}" to one of those, or remove it to let plugcheck detect it (detected: ${detected[axis] ?? 'nothing'})`,
      });
    }
  }
  return { ...detected, ...forced };
}
