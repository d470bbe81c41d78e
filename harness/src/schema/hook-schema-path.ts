/**
 * The naming convention that maps schema files to hooks: `<profile>/<hook>.<input|output>.schema.json`.
 * `<hook>` is the hook's canonical name in the profile (aliases such as `http_intercept` share it);
 * the name and config documents use the export's name too (`get_name.output`, `init.input`).
 */
import { SCHEMA_SUFFIX } from './schema-files.js';

/** Which side of a call a schema describes. */
export type SchemaDirection = 'input' | 'output';

/** A hook schema's place, read from its path. */
export interface HookSchemaPath {
  readonly profile: string;
  readonly hook: string;
  readonly direction: SchemaDirection;
}

const HOOK_FILE = /^([a-z][a-z0-9-]*)\/([A-Za-z_][A-Za-z0-9_]*)\.(input|output)$/;

/** Reads a path under `schemas/`; undefined for files that are not hook schemas (shared definitions, plugcheck's own files). */
export function parseHookSchemaPath(relative: string): HookSchemaPath | undefined {
  if (!relative.endsWith(SCHEMA_SUFFIX)) return undefined;
  const match = HOOK_FILE.exec(relative.slice(0, -SCHEMA_SUFFIX.length));
  if (match === null) return undefined;
  return { profile: match[1] ?? '', hook: match[2] ?? '', direction: match[3] === 'input' ? 'input' : 'output' };
}

/** The path of a hook schema under `schemas/`. */
export function hookSchemaPath(path: HookSchemaPath): string {
  return `${path.profile}/${path.hook}.${path.direction}${SCHEMA_SUFFIX}`;
}
