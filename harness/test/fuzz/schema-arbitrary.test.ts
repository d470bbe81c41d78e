import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generation, SchemaArbitraries } from '../../src/fuzz/schema-arbitrary.js';
import { schemaRegistry } from '../../src/schema/schema-registry.js';

const registry = schemaRegistry();
const arbitraries = new SchemaArbitraries(registry);

describe('SchemaArbitraries', () => {
  // The compiler alone, without the final filter: every value it makes must already fit.
  for (const schema of registry.hookSchemas()) {
    it(`generates only values that fit ${schema.file}`, () => {
      fc.assert(
        fc.property(arbitraries.forId(schema.id), (value) => {
          expect(schema.check(value)).toMatchObject({ ok: true });
        }),
        { numRuns: 2000, seed: 1 },
      );
    });
  }

  it('tags each hook document with the dialect it was generated in, which it fits', () => {
    for (const schema of registry.hookSchemas().filter((s) => s.dialects.length > 0 && s.direction === 'input')) {
      const values = fc.sample(arbitraries.forHook(schema), { numRuns: 300, seed: 2 });
      const dialects = new Set(values.map((v) => generation(v)?.dialect));
      expect(dialects, schema.file).toEqual(new Set(schema.dialects));
      for (const value of values) expect(schema.check(value, [generation(value)?.dialect])).toMatchObject({ ok: true });
    }
  });

  it('tags documents of a schema without dialects as generated in its only shape, and nothing else', () => {
    const schema = registry.hookSchemas().find((s) => s.dialects.length === 0 && s.direction === 'input' && s.profile === 'bifrost-v2');
    if (schema === undefined) throw new Error('no bifrost-v2 input schema without dialects');
    const objects = fc.sample(arbitraries.forHook(schema), { numRuns: 50, seed: 3 }).filter((v) => typeof v === 'object' && v !== null);
    expect(objects.length).toBeGreaterThan(0);
    for (const value of objects) expect(generation(value), schema.file).toEqual({ dialect: undefined });
    // The tag is invisible to JSON and to Object.keys, and a parsed copy (a shrunk or replayed value) has none.
    const [first] = objects;
    expect(Object.keys(first as object)).toEqual(Object.keys(JSON.parse(JSON.stringify(first)) as object));
    expect(generation(JSON.parse(JSON.stringify(first)))).toBeUndefined();
  });

  it('generates non-ASCII text, empty strings and boundary integers on purpose', () => {
    const schema = registry.hookSchema('bifrost-v2', 'pre_hook', 'input');
    if (schema === undefined) throw new Error('no pre_hook input schema');
    const texts = fc.sample(arbitraries.forId(schema.id), { numRuns: 500, seed: 1 }).map((v) => JSON.stringify(v));
    expect(texts.filter((t) => /[^\x00-\x7f]/.test(t)).length).toBeGreaterThan(50);
    expect(texts.some((t) => t.includes('""'))).toBe(true);
    const statuses = fc.sample(arbitraries.forId(`${registry.hookSchema('bifrost-v2', 'http_pre_hook', 'output')?.id ?? ''}`), { numRuns: 2000, seed: 1 });
    expect(JSON.stringify(statuses)).toMatch(/"status_code":(100|599)\b/);
  });
});
