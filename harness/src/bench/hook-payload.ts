/**
 * Valid inputs of an exact JSON size for any Bifrost hook: `pre_hook` of bifrost-v2 grows like a
 * chat (payload.ts); every other hook takes its first seed fixture and pads its free-form
 * `context` map (or, for bifrost-v1's separate `ctx` parameter, that map itself) with a `pad`
 * string. Each single-document input is checked against the hook's input schema, so a benchmark
 * never measures a plugin answering "invalid input".
 */
import { PlugcheckError } from '../errors.js';
import type { BifrostProfile } from '../profiles/profile.js';
import { schemaRegistry } from '../schema/schema-registry.js';
import { preHookInput } from './payload.js';

const jsonBytes = (values: readonly unknown[]) => values.reduce((n: number, v) => n + Buffer.byteLength(JSON.stringify(v)), 0);
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Pads the fixture's context map so the inputs' JSON totals `bytes`; unchanged when already larger. */
function padded(inputs: readonly unknown[], bytes: number): unknown[] {
  const withContext = inputs.findIndex((v) => isMap(v) && isMap(v['context']));
  const at = withContext >= 0 ? withContext : inputs.findIndex(isMap);
  if (at < 0) return [...inputs];
  const grow = (pad: string): unknown[] =>
    inputs.map((v, i) => {
      if (i !== at) return v;
      const doc = v as Record<string, unknown>;
      return withContext >= 0 ? { ...doc, context: { ...(doc['context'] as object), pad } } : { ...doc, pad };
    });
  const missing = bytes - jsonBytes(grow(''));
  return missing >= 0 ? grow('x'.repeat(missing)) : [...inputs];
}

/** One input per hook parameter whose JSON totals `bytes` (more when the hook's smallest input is larger). */
export function hookPayload(profile: BifrostProfile, hook: string, bytes: number): unknown[] {
  const spec = profile.hooks.find((h) => h.name === hook || h.aliases?.includes(hook));
  const fixture = spec?.fixtures[0];
  if (spec === undefined || fixture === undefined) {
    throw new PlugcheckError('PLUGCHECK_INTERNAL', `profile ${profile.id} has no fixture for hook ${hook}`, { fix: 'bench a hook the profile lists' });
  }
  const inputs = profile.id === 'bifrost-v2' && spec.name === 'pre_hook' && bytes >= 200 ? [preHookInput(bytes)] : padded(fixture.inputs, bytes);
  const schema = inputs.length === 1 ? schemaRegistry().hookSchema(profile.id, spec.name, 'input') : undefined;
  if (schema !== undefined && schema.fits(inputs[0]).length === 0) {
    throw new PlugcheckError('PLUGCHECK_INTERNAL', `the ${bytes} B benchmark input of ${profile.id} ${spec.name} is not valid against ${schema.file}`, {
      fix: 'this is a plugcheck bug: the payload generator (harness/src/bench/hook-payload.ts) broke the document',
    });
  }
  return inputs;
}

/** The UTF-8 size of inputs as they are sent. */
export function payloadBytes(inputs: readonly unknown[]): number {
  return jsonBytes(inputs);
}
