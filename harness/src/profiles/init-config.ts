/**
 * A plugin's `config` in plugcheck.config.json: for a Bifrost plugin, the JSON document `init`
 * receives instead of the seed's example config — every check that starts an instance the way the
 * real host does (lifecycle, schema, semantics, memory, capability, fuzz) passes it, and a
 * replay bundle records it. It is checked against the profile's `init` input schema before any
 * plugin runs. Other profiles have no `init` document and ignore it.
 */
import { ConfigError } from '../errors.js';
import { requireHookSchema } from '../schema/validated-hook-call.js';
import { describeViolation } from '../schema/schema-violation.js';
import type { Profile } from './profile.js';

/**
 * `profile` with `config` as the document its `init` call receives, or `profile` itself when
 * `config` is undefined or the profile is not Bifrost. Throws PLUGCHECK_BAD_CONFIG for a config
 * outside the `init` input schema.
 */
export function withInitConfig(profile: Profile, config: unknown): Profile {
  if (config === undefined || profile.family !== 'bifrost') return profile;
  const schema = requireHookSchema(profile.id, 'init', 'input');
  const verdict = schema.check(config);
  if (!verdict.ok) {
    throw new ConfigError('PLUGCHECK_BAD_CONFIG', `the plugin's "config" does not fit schemas/${schema.file}: ${verdict.violations.slice(0, 3).map(describeViolation).join('; ')}`, {
      expected: `the JSON document ${profile.id}'s init receives (\`plugcheck schema ${profile.id} init --input\` prints the schema)`,
      received: JSON.stringify(config).slice(0, 200),
      fix: 'correct the plugin\'s "config", or remove it to send the seed\'s example config',
    });
  }
  return { ...profile, initConfig: config };
}
