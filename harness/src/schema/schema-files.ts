/**
 * Finds and reads the JSON Schema files plugcheck ships in `schemas/`. A profile adds its schemas by
 * dropping `<hook>.<input|output>.schema.json` files into `schemas/<profile>/`; shared definitions
 * live in any other folder (e.g. `schemas/bifrost/`); `schemas/tests/` holds test cases, not schemas.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlugcheckError } from '../errors.js';

/** Every schema's `$id` is this prefix plus its path under `schemas/`, so relative `$ref`s resolve like files. */
export const SCHEMA_BASE_URI = 'https://plugcheck.dev/schemas/';

/** The suffix that marks a schema file. */
export const SCHEMA_SUFFIX = '.schema.json';

/** One schema file, read and parsed. */
export interface SchemaFile {
  /** Absolute path. */
  readonly path: string;
  /** Path under `schemas/`, with `/` separators, e.g. `bifrost-v2/pre_hook.output.schema.json`. */
  readonly relative: string;
  readonly document: Record<string, unknown>;
}

/**
 * The `schemas/` directory of this installation. Found by walking up from this module, because it
 * runs both from `dist/schema/` and from `harness/src/schema/`.
 */
export function schemasDir(): string {
  let dir = new URL('./', import.meta.url);
  for (let depth = 0; depth < 6; depth++) {
    const candidate = fileURLToPath(new URL('schemas/', dir));
    if (existsSync(fileURLToPath(new URL('package.json', dir))) && existsSync(candidate)) return candidate;
    dir = new URL('../', dir);
  }
  throw new PlugcheckError('PLUGCHECK_BAD_SCHEMA', 'cannot find plugcheck\'s schemas/ directory', {
    expected: 'a schemas/ directory next to plugcheck\'s package.json',
    received: `nothing above ${fileURLToPath(import.meta.url)}`,
    fix: 'reinstall plugcheck: schemas/ is part of the package',
  });
}

function listSchemaPaths(dir: string, root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative(root, path) !== 'tests') out.push(...listSchemaPaths(path, root));
    } else if (entry.name.endsWith(SCHEMA_SUFFIX)) {
      out.push(path);
    }
  }
  return out;
}

/** Reads every `*.schema.json` under `dir` (except `tests/`), sorted by path; bad JSON names the file. */
export function readSchemaFiles(dir: string = schemasDir()): SchemaFile[] {
  return listSchemaPaths(dir, dir).map((path) => {
    const rel = relative(dir, path).split(sep).join('/');
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(path, 'utf8'));
    } catch (thrown) {
      throw new PlugcheckError('PLUGCHECK_BAD_SCHEMA', `schemas/${rel} is not valid JSON: ${(thrown as Error).message}`, {
        expected: 'a JSON Schema document',
        received: 'a JSON syntax error',
        fix: `fix the JSON syntax of schemas/${rel}`,
        cause: thrown,
      });
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      throw new PlugcheckError('PLUGCHECK_BAD_SCHEMA', `schemas/${rel} is not a JSON object`, {
        expected: 'a JSON Schema object',
        received: Array.isArray(document) ? 'an array' : typeof document,
        fix: `make schemas/${rel} a schema object with "$schema" and "$id"`,
      });
    }
    return { path, relative: rel, document: document as Record<string, unknown> };
  });
}
