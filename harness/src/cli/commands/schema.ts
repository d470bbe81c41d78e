/**
 * `plugcheck schema <profile> [hook] [--input|--output] [--dialect d]`: prints the JSON Schema of a
 * hook's output (or input), self-contained, so plugin authors can validate against it in their
 * own tests. Without a hook it lists the profile's schemas.
 */
import { UsageError } from '../../errors.js';
import { getProfile } from '../../profiles/registry.js';
import type { Profile } from '../../profiles/profile.js';
import { bundleSchema } from '../../schema/bundle-schema.js';
import type { HookSchema } from '../../schema/hook-schema.js';
import { schemaRegistry } from '../../schema/schema-registry.js';
import { parseOptions } from '../parse-options.js';

/** Usage text of `plugcheck schema`. */
export const SCHEMA_USAGE = `Usage: plugcheck schema <profile> [hook] [--output | --input] [--dialect <name>]

Prints the JSON Schema (2020-12) of a hook's output (default) or input, with every schema it
references embedded, so it validates on its own. Without a hook, lists the profile's schemas.
get_name and init count as hooks (get_name --output, init --input).

Options:
  --output           the hook's output schema (default)
  --input            the hook's input schema
  --dialect <name>   only that dialect's shape (e.g. doc-flat, go-default), where the hook has dialects
  -h, --help         this text

Exit codes: 0 printed, 2 unknown profile, hook, dialect or option.`;

// Aliases (e.g. the legacy http_intercept) share their hook's schemas.
function canonicalHook(profile: Profile, hook: string): string {
  if (profile.family !== 'bifrost') return hook;
  return profile.hooks.find((h) => h.name === hook || (h.aliases ?? []).includes(hook))?.name ?? hook;
}

function listing(profile: Profile, schemas: readonly HookSchema[]): string {
  const hooks = [...new Set(schemas.map((s) => s.hook))];
  const lines = [`schemas of ${profile.id} (${profile.seed}):`];
  for (const hook of hooks) {
    const of = (direction: string) => schemas.find((s) => s.hook === hook && s.direction === direction);
    const dialects = [...new Set(schemas.filter((s) => s.hook === hook).flatMap((s) => s.dialects))];
    const sides = ['input', 'output'].flatMap((d) => (of(d) === undefined ? [] : [`${d}: schemas/${of(d)?.file ?? ''}`]));
    lines.push(`  ${hook.padEnd(24)} ${sides.join('  ')}${dialects.length > 0 ? `  dialects: ${dialects.join(', ')}` : ''}`);
  }
  lines.push(`print one with: plugcheck schema ${profile.id} <hook> [--input]`);
  return lines.join('\n');
}

/** Runs the command; returns the exit code. */
export async function schemaCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('schema', args, {
    input: { type: 'boolean' },
    output: { type: 'boolean' },
    dialect: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values['help'] === true) {
    process.stdout.write(`${SCHEMA_USAGE}\n`);
    return 0;
  }
  const [profileId, hookArg, ...extra] = positionals;
  if (profileId === undefined || extra.length > 0) {
    throw new UsageError('plugcheck schema takes a profile and at most one hook', {
      expected: 'plugcheck schema <profile> [hook]',
      received: positionals.length === 0 ? 'no profile' : positionals.join(' '),
      fix: 'run e.g. `plugcheck schema bifrost-v2 pre_hook --output`',
    });
  }
  if (values['input'] === true && values['output'] === true) {
    throw new UsageError('--input and --output exclude each other', { expected: 'one of --input, --output', received: '--input --output', fix: 'pick the side of the call you want' });
  }
  const profile = getProfile(profileId);
  const registry = schemaRegistry();
  const schemas = registry.hookSchemas().filter((s) => s.profile === profile.id);
  if (schemas.length === 0) {
    throw new UsageError(`profile ${profile.id} has no schemas yet`, {
      expected: `a profile with files in schemas/${profile.id}/`,
      received: profile.id,
      fix: `run \`plugcheck schema <profile>\` with one of: ${[...new Set(registry.hookSchemas().map((s) => s.profile))].join(', ')}`,
    });
  }
  if (hookArg === undefined) {
    process.stdout.write(`${listing(profile, schemas)}\n`);
    return 0;
  }
  const direction = values['input'] === true ? 'input' : 'output';
  const hook = canonicalHook(profile, hookArg);
  const schema = registry.hookSchema(profile.id, hook, direction);
  if (schema === undefined) {
    const known = [...new Set(schemas.filter((s) => s.direction === direction).map((s) => s.hook))];
    throw new UsageError(`profile ${profile.id} has no ${direction} schema for "${hookArg}"`, {
      expected: `one of ${known.join(', ')}`,
      received: hookArg,
      fix: `run \`plugcheck schema ${profile.id}\` to list its schemas`,
    });
  }
  const file = registry.file(schema.file);
  if (file === undefined) throw new Error(`schema file ${schema.file} vanished from the registry`);
  let document = bundleSchema(file, (relative) => registry.file(relative));
  const dialect = values['dialect'];
  if (typeof dialect === 'string') {
    if (!schema.dialects.includes(dialect)) {
      throw new UsageError(`${hook} ${direction} has no dialect "${dialect}"`, {
        expected: schema.dialects.length > 0 ? `one of ${schema.dialects.join(', ')}` : 'no --dialect: this schema has one shape for every dialect',
        received: dialect,
        fix: schema.dialects.length > 0 ? `pass --dialect ${schema.dialects[0] ?? ''}` : 'leave --dialect out',
      });
    }
    const { anyOf: _all, ...rest } = document;
    document = { ...rest, $ref: `#/$defs/${dialect}` };
  }
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  return 0;
}
