/**
 * The fuzz checks' schema-checked Bifrost call: the same verdict as `callHookValidated` — input
 * validated, call made, output parsed and validated in the input's dialect — made cheaper by what
 * generation already knows. A generated document carries how it was generated (schema-arbitrary.ts:
 * in which dialect, if its schema has several), so the input is validated against that definition
 * alone and the output against it first; only an output that misses it has the input's other
 * dialects worked out and tried, since an input may fit several and an answer in any of them is
 * right. A document not generated (a replayed one), or one that no longer fits its tag (a shrunk
 * one), takes `callHookValidated` itself.
 */
import type { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import type { Generation } from './schema-arbitrary.js';
import type { HookSpec, ProfileId } from '../profiles/profile.js';
import type { HookSchema } from '../schema/hook-schema.js';
import { callHookValidated, hookDocument, parseOutput, requireHookSchema } from '../schema/validated-hook-call.js';
import type { ValidatedCall } from '../schema/validated-hook-call.js';

type HookSchemas = { readonly input: HookSchema; readonly output: HookSchema };

// By profile, then hook: both names are the profile's own constant strings, so neither lookup
// builds or hashes a key string per call.
const schemasByHook = new Map<string, Map<string, HookSchemas>>();

function schemasOf(profile: ProfileId, hook: string): HookSchemas {
  let byHook = schemasByHook.get(profile);
  if (byHook === undefined) {
    byHook = new Map();
    schemasByHook.set(profile, byHook);
  }
  let found = byHook.get(hook);
  if (found === undefined) {
    found = { input: requireHookSchema(profile, hook, 'input'), output: requireHookSchema(profile, hook, 'output') };
    byHook.set(hook, found);
  }
  return found;
}

const stringify = (value: unknown): string => JSON.stringify(value);

/**
 * Sends one hook call of schema-valid `values` made as `generated` says (undefined when they were
 * not generated). `texts`, when given, are the values' JSON texts, already made by the caller.
 */
export function checkedHookCall(
  caller: BifrostCaller,
  profile: ProfileId,
  hook: HookSpec,
  exportName: string,
  values: readonly unknown[],
  generated: Generation | undefined,
  label: string,
  texts: readonly string[] = values.map(stringify),
): ValidatedCall {
  const schemas = schemasOf(profile, hook.name);
  const document = hookDocument(hook, values);
  // One list for the checks and the answer alike: neither check keeps it.
  const accepted = [generated?.dialect];
  if (generated === undefined || !schemas.input.check(document, accepted).ok) {
    return callHookValidated(caller, profile, hook, exportName, { kind: 'values', values }, label);
  }
  const call = caller.callHook(exportName, texts, label);
  // Built field by field rather than spread from a shared base: this runs once per fuzz case.
  const result = (inputDialects: readonly (string | undefined)[], output: ValidatedCall['output']): ValidatedCall => ({
    hook: hook.name,
    exportName,
    label,
    inputs: texts,
    inputDialects,
    call,
    outputSchema: schemas.output.file,
    output,
  });
  if (call.kind !== 'output') return result(accepted, { kind: 'no-output' });
  const parsed = parseOutput(call.text);
  if (!parsed.ok) return result(accepted, { kind: 'not-json', problem: parsed.problem });
  const verdict = schemas.output.check(parsed.value, accepted);
  if (verdict.ok) return result(accepted, { kind: 'checked', value: parsed.value, verdict });
  const dialects = schemas.input.fits(document);
  return result(dialects, { kind: 'checked', value: parsed.value, verdict: dialects.length > 1 ? schemas.output.check(parsed.value, dialects) : verdict });
}
