/**
 * The schema-checked Bifrost call: the one call path checks use when they judge a hook's answer.
 * It validates the input plugcheck sends against the hook's input schema (which also tells the
 * input's dialect), makes the call through the plain {@link BifrostCaller}, parses the output and
 * validates it against the output schema in the input's dialect.
 *
 * Validation sits on top of the caller rather than inside it, so the raw call path that
 * `npm run bench` measures stays exactly as fast as before; every call a `schema.*` or
 * `semantics.*` check makes goes through here.
 */
import { PlugcheckError } from '../errors.js';
import type { BifrostCall, BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import type { HookSpec, ProfileId } from '../profiles/profile.js';
import type { HookSchema, SchemaVerdict } from './hook-schema.js';
import type { SchemaDirection } from './hook-schema-path.js';
import { schemaRegistry } from './schema-registry.js';
import { describeViolation } from './schema-violation.js';
import { parseJsonDocument } from './json-document.js';

/**
 * What to send: JSON values plugcheck vouches for (validated; an invalid one is a plugcheck bug), or
 * raw texts that are wrong on purpose (bad-input probes; not validated, any output dialect accepted).
 */
export type HookInputs =
  | { readonly kind: 'values'; readonly values: readonly unknown[] }
  | { readonly kind: 'texts'; readonly texts: readonly string[] };

/** What became of the output. */
export type OutputVerdict =
  | { readonly kind: 'no-output' }
  | { readonly kind: 'not-json'; readonly problem: string; readonly documentEndsAt?: number; readonly trailingBytes?: number }
  | { readonly kind: 'checked'; readonly value: unknown; readonly verdict: SchemaVerdict };

/** One call with its input dialect and its output's verdict. */
export interface ValidatedCall {
  /** The hook's canonical name (the schema's name). */
  readonly hook: string;
  /** The export called (an alias such as `http_intercept`, or the hook's name). */
  readonly exportName: string;
  readonly label: string;
  readonly inputs: readonly string[];
  /** Dialects the input fits (`[undefined]` for a schema without dialects); empty for deliberately bad input. */
  readonly inputDialects: readonly (string | undefined)[];
  readonly call: BifrostCall;
  readonly output: OutputVerdict;
  readonly outputSchema: string;
}

/** The schema of one side of a hook; a profile without one is a plugcheck bug. */
export function requireHookSchema(profile: ProfileId, hook: string, direction: SchemaDirection): HookSchema {
  const schema = schemaRegistry().hookSchema(profile, hook, direction);
  if (schema === undefined) {
    throw new PlugcheckError('PLUGCHECK_BAD_SCHEMA', `profile ${profile} has no ${direction} schema for ${hook}`, {
      expected: `schemas/${profile}/${hook}.${direction}.schema.json`,
      received: 'no such file',
      fix: `add the schema file; every hook of ${profile} needs an input and an output schema`,
    });
  }
  return schema;
}

/** The document a hook's inputs form: the one input, or for multi-buffer hooks the inputs keyed by parameter name. */
export function hookDocument(hook: HookSpec, values: readonly unknown[]): unknown {
  if (hook.params.length === 1) return values[0];
  return Object.fromEntries(hook.params.map((p, i) => [p.name, values[i]]));
}

function inputDialects(profile: ProfileId, hook: HookSpec, values: readonly unknown[], label: string): (string | undefined)[] {
  const schema = requireHookSchema(profile, hook.name, 'input');
  const document = hookDocument(hook, values);
  const fits = schema.fits(document);
  if (fits.length > 0) return fits;
  const verdict = schema.check(document);
  const why = verdict.ok ? '' : verdict.violations.map(describeViolation).join('; ');
  throw new PlugcheckError('PLUGCHECK_INTERNAL', `plugcheck was about to send \`${label}\` an input that does not fit schemas/${schema.file}: ${why}`, {
    expected: 'inputs that fit the hook\'s input schema',
    received: JSON.stringify(document).slice(0, 500),
    fix: 'this is a plugcheck bug: fix the fixture or the schema',
  });
}

/** Parses an output as exactly one JSON document (see {@link parseJsonDocument} for how a failure is worded). */
export function parseOutput(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string } {
  return parseJsonDocument(text);
}

/** Sends one hook call through the schemas. */
export function callHookValidated(
  caller: BifrostCaller,
  profile: ProfileId,
  hook: HookSpec,
  exportName: string,
  inputs: HookInputs,
  label: string,
): ValidatedCall {
  const dialects = inputs.kind === 'values' ? inputDialects(profile, hook, inputs.values, label) : [];
  const texts = inputs.kind === 'values' ? inputs.values.map((v) => JSON.stringify(v)) : inputs.texts;
  const outputSchema = requireHookSchema(profile, hook.name, 'output');
  const call = caller.callHook(exportName, texts, label);
  const base = { hook: hook.name, exportName, label, inputs: texts, inputDialects: dialects, call, outputSchema: outputSchema.file };
  if (call.kind !== 'output') return { ...base, output: { kind: 'no-output' } };
  const parsed = parseJsonDocument(call.text);
  if (!parsed.ok) {
    const at = parsed.documentEndsAt === undefined ? {} : { documentEndsAt: parsed.documentEndsAt, trailingBytes: parsed.trailingBytes ?? 0 };
    return { ...base, output: { kind: 'not-json', problem: parsed.problem, ...at } };
  }
  return { ...base, output: { kind: 'checked', value: parsed.value, verdict: outputSchema.check(parsed.value, dialects) } };
}
