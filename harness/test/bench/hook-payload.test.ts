/**
 * Benchmark payloads: every hook of both Bifrost profiles gets inputs of exactly the requested JSON
 * size (or the hook's smallest input, when that is larger), valid against the hook's input schema.
 */
import { describe, expect, it } from 'vitest';
import { hookPayload, payloadBytes } from '../../src/bench/hook-payload.js';
import { bifrostV1 } from '../../src/profiles/bifrost-v1/index.js';
import { bifrostV2 } from '../../src/profiles/bifrost-v2/index.js';
import { schemaRegistry } from '../../src/schema/schema-registry.js';

describe('hookPayload', () => {
  for (const profile of [bifrostV2, bifrostV1]) {
    for (const hook of profile.hooks) {
      it(`${profile.id} ${hook.name}: exact sizes, one input per parameter, schema-valid`, () => {
        for (const bytes of [1024, 16 * 1024]) {
          const inputs = hookPayload(profile, hook.name, bytes);
          expect(inputs).toHaveLength(hook.params.length);
          expect(payloadBytes(inputs)).toBe(bytes);
          const schema = schemaRegistry().hookSchema(profile.id, hook.name, 'input');
          if (inputs.length === 1 && schema !== undefined) expect(schema.fits(inputs[0]).length).toBeGreaterThan(0);
        }
        const tiny = hookPayload(profile, hook.name, 10);
        expect(payloadBytes(tiny)).toBeGreaterThan(10);
      });
    }
  }
});
