/**
 * The schemas themselves: every file compiles under strict Ajv 2020-12, every `examples` entry
 * validates, every committed invalid case (schemas/tests/, JSON-Schema-Test-Suite style) fails
 * with the keyword it names, and a broken schema is a start-up error naming the file and keyword.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlugcheckError } from '../../src/errors.js';
import { HookSchema } from '../../src/schema/hook-schema.js';
import { readSchemaFiles, SCHEMA_BASE_URI, SCHEMA_SUFFIX, schemasDir } from '../../src/schema/schema-files.js';
import { JSON_SCHEMA_2020_12, schemaRegistry, SchemaRegistry } from '../../src/schema/schema-registry.js';

interface SchemaCase {
  readonly description: string;
  readonly data: unknown;
  readonly valid: boolean;
  readonly keyword?: string;
  /** A dialect of a hook schema to validate against. */
  readonly dialect?: string;
  /** A `$defs` member to validate against (shared definition files). */
  readonly def?: string;
}

const registry = schemaRegistry();
const files = registry.files();

function validatorFor(relative: string, c: Pick<SchemaCase, 'dialect' | 'def'>) {
  const id = `${SCHEMA_BASE_URI}${relative}`;
  const pointer = c.dialect ?? c.def;
  const validate = registry.validator(pointer === undefined ? id : `${id}#/$defs/${pointer}`);
  if (validate === undefined) throw new Error(`${relative} has no $defs/${pointer}`);
  return validate;
}

describe('every schema', () => {
  it('is found', () => {
    expect(files.map((f) => f.relative)).toEqual(expect.arrayContaining(['expectations.schema.json', 'report.schema.json', 'replay-bundle.schema.json', 'config.schema.json']));
  });
  for (const file of files) {
    describe(file.relative, () => {
      it('declares 2020-12, its $id, a seed reference and examples', () => {
        expect(file.document['$schema']).toBe(JSON_SCHEMA_2020_12);
        expect(file.document['$id']).toBe(`${SCHEMA_BASE_URI}${file.relative}`);
        expect(String(file.document['description'])).toMatch(/seed|spec-decisions|design\.md|README/);
      });
      it('validates each of its examples', () => {
        const examples = file.document['examples'] as unknown[];
        expect(examples.length).toBeGreaterThan(0);
        const validate = validatorFor(file.relative, {});
        for (const example of examples) expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
      });
      it('validates the examples of its $defs', () => {
        const defs = (file.document['$defs'] ?? {}) as Record<string, { examples?: unknown[] }>;
        for (const [name, def] of Object.entries(defs)) {
          const validate = validatorFor(file.relative, { def: name });
          for (const example of def.examples ?? []) expect(validate(example), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        }
      });
      const casesPath = join(schemasDir(), 'tests', `${file.relative.slice(0, -SCHEMA_SUFFIX.length)}.json`);
      it('has committed invalid cases', () => {
        expect(existsSync(casesPath), `${casesPath} is missing`).toBe(true);
      });
      if (!existsSync(casesPath)) return;
      const cases = JSON.parse(readFileSync(casesPath, 'utf8')) as SchemaCase[];
      it('has at least one invalid case', () => {
        expect(cases.filter((c) => !c.valid).length).toBeGreaterThan(0);
      });
      for (const c of cases) {
        it(`${c.valid ? 'accepts' : 'rejects'} ${c.description}${c.dialect === undefined ? '' : ` (${c.dialect})`}`, () => {
          const validate = validatorFor(file.relative, c);
          expect(validate(c.data), JSON.stringify(validate.errors)).toBe(c.valid);
          if (!c.valid && c.keyword !== undefined) expect((validate.errors ?? []).map((e) => e.keyword)).toContain(c.keyword);
        });
      }
    });
  }
});

describe('hook schemas', () => {
  it('index both Bifrost profiles', () => {
    const names = registry.hookSchemas().map((h) => `${h.profile}/${h.hook}.${h.direction}`);
    expect(names).toEqual(expect.arrayContaining(['bifrost-v2/pre_hook.output', 'bifrost-v2/get_name.output', 'bifrost-v1/post_hook.input']));
  });
  it('read dialects off the root anyOf', () => {
    expect(registry.hookSchema('bifrost-v2', 'pre_hook', 'output')?.dialects).toEqual(['doc-flat', 'go-default']);
    expect(registry.hookSchema('bifrost-v2', 'http_pre_hook', 'output')?.dialects).toEqual([]);
  });
  it('say which dialect a document fits and which it was checked against', () => {
    const schema = registry.hookSchema('bifrost-v2', 'pre_hook', 'output') as HookSchema;
    const flat = { context: {}, request: { provider: 'openai', model: 'gpt-4' }, has_short_circuit: false, error: '' };
    expect(schema.fits(flat)).toEqual(['doc-flat']);
    const verdict = schema.check(flat, ['go-default']);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.dialect).toBe('go-default');
    expect(verdict.fitsDialects).toEqual(['doc-flat']);
    expect(verdict.violations.map((v) => v.instancePath)).toContain('/request');
    expect(verdict.violations[0]?.schemaPath).toMatch(/^https:\/\/plugcheck\.dev\/schemas\/.*#\//);
  });
});

describe('a broken schema', () => {
  const good = readSchemaFiles();
  const withFile = (relative: string, document: Record<string, unknown>) => [
    ...good,
    { path: `/virtual/${relative}`, relative, document: { $schema: JSON_SCHEMA_2020_12, $id: `${SCHEMA_BASE_URI}${relative}`, description: 'seed 001 §test', examples: [1], ...document } },
  ];
  const startUpError = (files: ReturnType<typeof withFile>) => {
    try {
      new SchemaRegistry(files);
    } catch (thrown) {
      return thrown;
    }
    return undefined;
  };
  it('with an unknown keyword fails start-up naming the file and the keyword', () => {
    const error = startUpError(withFile('bifrost-v2/broken.output.schema.json', { type: 'string', minLenght: 1 }));
    expect(error).toBeInstanceOf(PlugcheckError);
    expect((error as PlugcheckError).code).toBe('PLUGCHECK_BAD_SCHEMA');
    expect((error as PlugcheckError).message).toContain('schemas/bifrost-v2/broken.output.schema.json');
    expect((error as PlugcheckError).message).toContain('minLenght');
  });
  it('with a $ref to nothing fails start-up naming the file', () => {
    const error = startUpError(withFile('bifrost-v2/dangling.input.schema.json', { $ref: '../bifrost/types.schema.json#/$defs/nothing' }));
    expect((error as PlugcheckError).message).toMatch(/schemas\/bifrost-v2\/dangling\.input\.schema\.json: .*nothing/);
  });
  it('with an $id that does not match its path fails start-up', () => {
    const error = startUpError([...good, { path: '/virtual/x.schema.json', relative: 'x.schema.json', document: { $schema: JSON_SCHEMA_2020_12, $id: 'https://example.com/x', description: 'seed', examples: [1] } }]);
    expect((error as PlugcheckError).message).toContain('"$id"');
  });
});
