/**
 * The process's schema arbitraries and each hook's input arbitrary, compiled once per worker: the
 * compile walks every `$ref`, and fuzz checks ask for the same hooks again and again.
 */
import type { Arbitrary } from 'fast-check';
import { hookInputArbitrary, SchemaArbitraries } from '../../fuzz/schema-arbitrary.js';
import type { ProfileId } from '../../profiles/profile.js';
import { schemaRegistry } from '../../schema/schema-registry.js';
import { requireHookSchema } from '../../schema/validated-hook-call.js';

let shared: SchemaArbitraries | undefined;
const byHook = new Map<string, Arbitrary<unknown>>();

/** Schema-valid documents for one hook's input. */
export function hookInputs(profile: ProfileId, hook: string): Arbitrary<unknown> {
  const key = `${profile}/${hook}`;
  let arbitrary = byHook.get(key);
  if (arbitrary === undefined) {
    shared ??= new SchemaArbitraries(schemaRegistry());
    arbitrary = hookInputArbitrary(shared, requireHookSchema(profile, hook, 'input'));
    byHook.set(key, arbitrary);
  }
  return arbitrary;
}
