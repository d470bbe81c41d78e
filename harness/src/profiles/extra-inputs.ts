/**
 * The config's `inputs`: a project's own inputs for Bifrost hooks, sent beside the seed examples
 * (the payloads its users really send, a regression it once shipped). Every check that walks a
 * hook's fixtures — lifecycle, schema, semantics, memory, capability — sends them too, named
 * `config:<id>` in messages. They are checked before any plugin runs: the hook must be one of the
 * profile's, each input must have one value per hook parameter, and the document must fit the
 * hook's input schema (plugcheck judges answers against the input's dialect, which an input outside
 * the schema does not have).
 */
import { ConfigError } from '../errors.js';
import { hookDocument, requireHookSchema } from '../schema/validated-hook-call.js';
import { describeViolation } from '../schema/schema-violation.js';
import type { HookFixture, HookSpec, Profile } from './profile.js';

/** One extra input of a hook: an id for messages, and one JSON value per hook parameter. */
export interface ExtraInput {
  readonly id: string;
  readonly inputs: readonly unknown[];
}

/** Extra inputs by hook name (or alias). */
export type ExtraInputs = Readonly<Record<string, readonly ExtraInput[]>>;

/** Where these fixtures come from, as a check's evidence cites it. */
const SPEC_REF = 'plugcheck.config.json "inputs"';

function badInput(message: string, expected: string, received: string, fix: string): ConfigError {
  return new ConfigError('PLUGCHECK_BAD_CONFIG', message, { expected, received, fix });
}

function fixtureOf(profile: Profile, hook: HookSpec, input: ExtraInput): HookFixture {
  const where = `"inputs"."${hook.name}" entry "${input.id}"`;
  if (input.inputs.length !== hook.params.length) {
    throw badInput(
      `${where} has ${input.inputs.length} value${input.inputs.length === 1 ? '' : 's'}, but ${hook.name} takes ${hook.params.length}`,
      `one JSON value per parameter of ${hook.name}: ${hook.params.map((p) => p.name).join(', ')}`,
      `${input.inputs.length} value${input.inputs.length === 1 ? '' : 's'}`,
      `give "inputs": [${hook.params.map((p) => `<${p.name}>`).join(', ')}]`,
    );
  }
  const schema = requireHookSchema(profile.id, hook.name, 'input');
  const verdict = schema.check(hookDocument(hook, input.inputs));
  if (!verdict.ok) {
    throw badInput(
      `${where} does not fit schemas/${schema.file}: ${verdict.violations.slice(0, 3).map(describeViolation).join('; ')}`,
      `an input ${hook.name} can be sent (\`plugcheck schema ${profile.id} ${hook.name} --input\` prints the schema)`,
      JSON.stringify(input.inputs).slice(0, 200),
      'correct the input, or drop it if the host never sends such a document',
    );
  }
  return { id: `config:${input.id}`, specRef: SPEC_REF, inputs: input.inputs };
}

/**
 * `profile` with the extra inputs added to its hooks' fixtures (after the seed examples), or
 * `profile` itself when there are none or the profile has no hook list (only Bifrost profiles have
 * one; other profiles' inputs are not hook documents). Throws PLUGCHECK_BAD_CONFIG for an input
 * plugcheck could not send as given.
 */
export function withExtraInputs(profile: Profile, inputs: ExtraInputs | undefined): Profile {
  if (inputs === undefined || profile.family !== 'bifrost') return profile;
  const names = (h: HookSpec) => [h.name, ...(h.aliases ?? [])];
  const added = new Map<HookSpec, HookFixture[]>();
  for (const [name, entries] of Object.entries(inputs)) {
    const hook = profile.hooks.find((h) => names(h).includes(name));
    if (hook === undefined) {
      throw badInput(
        `"inputs" names ${name}, which is no hook of profile ${profile.id} (or is left out by "hooks")`,
        `hooks of ${profile.id}: ${profile.hooks.map((h) => h.name).join(', ')}`,
        name,
        `key "inputs" by one of those hook names`,
      );
    }
    const seen = new Set(hook.fixtures.map((f) => f.id));
    for (const entry of entries) {
      const fixture = fixtureOf(profile, hook, entry);
      if (seen.has(fixture.id)) throw badInput(`"inputs"."${name}" has two entries with id "${entry.id}"`, 'ids unique per hook', entry.id, 'give each input its own id');
      seen.add(fixture.id);
      added.set(hook, [...(added.get(hook) ?? []), fixture]);
    }
  }
  return { ...profile, hooks: profile.hooks.map((h) => ({ ...h, fixtures: [...h.fixtures, ...(added.get(h) ?? [])] })) };
}
