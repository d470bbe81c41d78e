/**
 * Validates a file plugcheck reads (a config, an expectations file, a report) against its JSON
 * Schema in schemas/, and turns the first violation into a ConfigError that names the key, so
 * `"limits.fuel" must be integer` points straight at the line to fix.
 */
import type { PlugcheckErrorCode } from '../errors.js';
import { ConfigError } from '../errors.js';
import { schemaRegistry } from '../schema/schema-registry.js';
import { toViolations } from '../schema/schema-violation.js';
import type { SchemaViolation } from '../schema/schema-violation.js';
import { CHECKS } from '../checks/index.js';
import type { ProfileId } from '../profiles/profile.js';

/** A JSON Pointer as the key a user wrote: `/plugins/0/path` → `plugins[0].path`. */
export function keyPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`), '');
}

// Under a oneOf, each branch reports its own error; the branch whose type fitted the value (an
// unknown key in an object) says more than the others' "must be string".
const TYPE_LEVEL = new Set(['type', 'enum', 'const']);

function specificity(v: SchemaViolation): number {
  return v.instancePath.split('/').length * 2 + (TYPE_LEVEL.has(v.keyword) ? 0 : 1);
}

/** What the first violation says: the key, what is wrong, what was expected and received. */
function describe(v: SchemaViolation): { where: string; what: string; expected: string; received: string } {
  if (v.keyword === 'additionalProperties') {
    const name = /"(.*)"/.exec(String(v.expected))?.[1] ?? '?';
    const key = keyPath(`${v.instancePath}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    return { where: `"${key}"`, what: 'is not a known key', expected: `only the keys the schema defines at ${v.instancePath === '' ? 'the top level' : `"${keyPath(v.instancePath)}"`}`, received: `"${key}": ${JSON.stringify(v.received)}` };
  }
  const where = v.instancePath === '' ? 'the document' : `"${keyPath(v.instancePath)}"`;
  return { where, what: v.message, expected: typeof v.expected === 'string' ? v.expected : JSON.stringify(v.expected), received: typeof v.received === 'string' ? v.received : JSON.stringify(v.received) };
}

/**
 * Throws a ConfigError with `code` unless `doc` fits the schema `schemaId`. The most specific
 * violation (the deepest key) is reported: it is the one a user can act on.
 */
export function validateDocument(doc: unknown, schemaId: string, file: string, code: PlugcheckErrorCode, fix: string): void {
  const validate = schemaRegistry().validator(schemaId);
  if (validate === undefined) throw new Error(`${schemaId} is not registered`);
  if (validate(doc)) return;
  const violations = toViolations(validate.errors ?? [], doc, () => undefined, `${schemaId}#`);
  const [first] = [...violations].sort((a, b) => specificity(b) - specificity(a));
  if (first === undefined) throw new ConfigError(code, `${file}: does not fit ${schemaId}`, { fix });
  const d = describe(first);
  throw new ConfigError(code, `${file}: ${d.where} ${d.what}`, { expected: d.expected, received: d.received, fix });
}

/**
 * The ids among `ids` that name no check (of `profile`, when given): what makes an expectation
 * stale. Expectations files and the config's expected failures both use it.
 */
export function unknownCheckIds(ids: Iterable<string>, profile?: ProfileId): string[] {
  return [...ids].filter((id) => !CHECKS.some((c) => c.id === id && (profile === undefined || c.appliesTo.includes(profile))));
}
