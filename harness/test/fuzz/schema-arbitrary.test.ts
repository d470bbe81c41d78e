import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedDialect, SchemaArbitraries } from '../../src/fuzz/schema-arbitrary.js';
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
      const dialects = new Set(values.map(generatedDialect));
      expect(dialects, schema.file).toEqual(new Set(schema.dialects));
      for (const value of values) expect(schema.check(value, [generatedDialect(value)])).toMatchObject({ ok: true });
    }
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
