/**
 * The schema registry: one strict Ajv 2020-12 instance holding every schema in `schemas/`, each
 * compiled once when the registry is built and cached by `$id`, with hook schemas indexed by
 * profile, hook and direction. Built once per process (so once per plugin worker) by
 * {@link schemaRegistry}. A schema that does not compile is a start-up error naming its file and
 * the keyword Ajv rejected.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { PlugcheckError } from '../errors.js';
import { HookSchema } from './hook-schema.js';
import { hookSchemaPath, parseHookSchemaPath } from './hook-schema-path.js';
import type { SchemaDirection } from './hook-schema-path.js';
import { readSchemaFiles, SCHEMA_BASE_URI } from './schema-files.js';
import type { SchemaFile } from './schema-files.js';

/** The JSON Schema dialect every file declares. */
export const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

function broken(file: string, what: string, fix: string, cause?: unknown): PlugcheckError {
  return new PlugcheckError('PLUGCHECK_BAD_SCHEMA', `schemas/${file}: ${what}`, {
    expected: 'a JSON Schema 2020-12 document that Ajv compiles in strict mode',
    received: what,
    fix,
    cause,
  });
}

/** Dialect names of a schema whose root is `anyOf` of `{ "$ref": "#/$defs/<dialect>" }` and nothing else. */
function dialectsOf(document: Record<string, unknown>): string[] {
  const anyOf = document['anyOf'];
  if (!Array.isArray(anyOf)) return [];
  const names = anyOf.map((branch) => /^#\/\$defs\/([a-z][a-z0-9-]*)$/.exec(String((branch as { $ref?: unknown }).$ref))?.[1]);
  return names.every((n): n is string => n !== undefined) ? names : [];
}

/** Every schema plugcheck knows, compiled. */
export class SchemaRegistry {
  readonly #ajv: Ajv2020;
  readonly #files: ReadonlyMap<string, SchemaFile>;
  readonly #byId = new Map<string, ValidateFunction>();
  readonly #hooks = new Map<string, HookSchema>();
  // Every schema object of every file → `<$id>#<pointer>`, to name the file a failing keyword is in.
  readonly #locations = new WeakMap<object, string>();
  readonly #locate = (node: unknown): string | undefined => (typeof node === 'object' && node !== null ? this.#locations.get(node) : undefined);

  /** Compiles every file; throws a PLUGCHECK_BAD_SCHEMA error naming the first file that does not compile. */
  constructor(files: readonly SchemaFile[]) {
    this.#ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true, inlineRefs: false, code: { optimize: false } });
    ajvFormats.default.default(this.#ajv);
    this.#files = new Map(files.map((f) => [f.relative, f]));
    for (const file of files) this.#add(file);
    for (const file of files) this.#index(file.document, `${SCHEMA_BASE_URI}${file.relative}#`);
    for (const file of files) this.#compile(file);
  }

  #add(file: SchemaFile): void {
    const doc = file.document;
    const id = `${SCHEMA_BASE_URI}${file.relative}`;
    if (doc['$schema'] !== JSON_SCHEMA_2020_12) throw broken(file.relative, `"$schema" is ${JSON.stringify(doc['$schema'])}`, `set "$schema": "${JSON_SCHEMA_2020_12}"`);
    if (doc['$id'] !== id) throw broken(file.relative, `"$id" is ${JSON.stringify(doc['$id'])}`, `set "$id": "${id}" (the base URI plus the file's path, so relative $refs resolve like files)`);
    if (typeof doc['description'] !== 'string' || !/seed|spec-decisions|design\.md|README/.test(doc['description'])) {
      throw broken(file.relative, 'the "description" cites no seed section', 'say in "description" which seed section (or spec decision) the schema encodes');
    }
    if (!Array.isArray(doc['examples']) || doc['examples'].length === 0) throw broken(file.relative, 'there are no "examples"', 'add "examples" taken from the seed');
    try {
      this.#ajv.addSchema(doc);
    } catch (thrown) {
      throw broken(file.relative, (thrown as Error).message, 'fix the keyword named above', thrown);
    }
  }

  #index(node: unknown, location: string): void {
    if (typeof node !== 'object' || node === null) return;
    this.#locations.set(node, location);
    for (const [key, child] of Object.entries(node)) this.#index(child, `${location}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }

  #compile(file: SchemaFile): void {
    const id = `${SCHEMA_BASE_URI}${file.relative}`;
    const dialects = dialectsOf(file.document);
    const byDialect = new Map<string, ValidateFunction>();
    let root: ValidateFunction | undefined;
    try {
      root = this.#ajv.getSchema(id);
      for (const d of dialects) {
        const validate = this.#ajv.getSchema(`${id}#/$defs/${d}`);
        if (validate === undefined) throw new Error(`the root anyOf names $defs/${d}, which does not exist`);
        byDialect.set(d, validate);
      }
    } catch (thrown) {
      throw broken(file.relative, (thrown as Error).message, 'fix the keyword or $ref named above (Ajv runs in strict mode: unknown keywords, union types without allowUnionTypes and ignored keywords are errors)', thrown);
    }
    if (root === undefined) throw broken(file.relative, 'Ajv did not register the schema', 'check "$id"');
    this.#byId.set(id, root);
    const place = parseHookSchemaPath(file.relative);
    if (place === undefined) return;
    this.#hooks.set(hookSchemaPath(place), new HookSchema({ id, file: file.relative, ...place, description: String(file.document['description']), root, byDialect, locate: this.#locate }));
  }

  /** The compiled validator of a schema by `$id` (or `$id#/pointer`). */
  validator(id: string): ValidateFunction | undefined {
    return this.#byId.get(id) ?? this.#ajv.getSchema(id);
  }

  /** The parsed file of a schema by its path under `schemas/`. */
  file(relative: string): SchemaFile | undefined {
    return this.#files.get(relative);
  }

  /** Every schema file, sorted by path. */
  files(): SchemaFile[] {
    return [...this.#files.values()];
  }

  /** The schema of one side of a hook (`get_name` and `init` count as hooks), if the profile has one. */
  hookSchema(profile: string, hook: string, direction: SchemaDirection): HookSchema | undefined {
    return this.#hooks.get(hookSchemaPath({ profile, hook, direction }));
  }

  /** Every hook schema, sorted by path. */
  hookSchemas(): HookSchema[] {
    return [...this.#hooks.values()].sort((a, b) => a.file.localeCompare(b.file));
  }
}

let shared: SchemaRegistry | undefined;

/** The process's registry, built (and every schema compiled) on first use. */
export function schemaRegistry(): SchemaRegistry {
  shared ??= new SchemaRegistry(readSchemaFiles());
  return shared;
}
