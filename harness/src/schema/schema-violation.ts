/**
 * Ajv's errors turned into evidence a plugin author can act on: where in the document
 * (`instancePath`), which rule (`schemaPath` as an absolute URI, so it opens in the schema file),
 * what the rule expected and what the document held there.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';

/** One way a document breaks its schema. */
export interface SchemaViolation {
  /** JSON Pointer into the document; `` is the whole document. */
  readonly instancePath: string;
  /** The schema's `$id` plus the JSON Pointer of the failing keyword. */
  readonly schemaPath: string;
  readonly keyword: string;
  readonly message: string;
  readonly expected: unknown;
  readonly received: unknown;
}

const MAX_RECEIVED_CHARS = 300;

function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let value: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

// Long values are summarised, so one huge field cannot swamp the evidence.
function clipValue(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text === undefined || text.length <= MAX_RECEIVED_CHARS) return value;
  if (typeof value === 'string') return `${value.slice(0, MAX_RECEIVED_CHARS)}… (${value.length} chars)`;
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (typeof value === 'object' && value !== null) return `an object with keys ${Object.keys(value).slice(0, 20).join(', ')}`;
  return `${text.slice(0, MAX_RECEIVED_CHARS)}…`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

const UNITS: Readonly<Record<string, string>> = { Length: 'characters', Items: 'items', Properties: 'properties' };

function expectedOf(error: ErrorObject, schemaValue: unknown): unknown {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `type ${String(p['type'])}`;
    case 'required':
      return `a property "${String(p['missingProperty'])}"`;
    case 'additionalProperties':
      return `no property "${String(p['additionalProperty'])}"`;
    case 'propertyNames':
      return `property names that fit ${JSON.stringify(schemaValue)}`;
    case 'pattern':
      return `a string matching /${String(p['pattern'])}/`;
    case 'enum':
      return p['allowedValues'];
    case 'const':
      return p['allowedValue'];
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `a number ${String(p['comparison'])} ${String(p['limit'])}`;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return `${error.keyword.startsWith('min') ? 'at least' : 'at most'} ${String(p['limit'])} ${UNITS[error.keyword.slice(3)] ?? ''}`;
    default:
      return error.message ?? error.keyword;
  }
}

function receivedOf(error: ErrorObject, document: unknown): unknown {
  const value = valueAt(document, error.instancePath);
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'type') return `${typeName(value)} ${JSON.stringify(clipValue(value))}`;
  if (error.keyword === 'required' && typeof value === 'object' && value !== null) return `an object with keys ${Object.keys(value).join(', ') || '(none)'}`;
  if (error.keyword === 'additionalProperties') return clipValue(valueAt(value, `/${String(p['additionalProperty'])}`));
  if (error.keyword === 'propertyNames') return `property name "${String(p['propertyName'])}"`;
  return clipValue(value);
}

/**
 * Keeps the errors that say what is wrong. With `allErrors`, Ajv also reports every branch an
 * `anyOf` tried (`must be null` for a nullable field that holds the wrong object) and the inner
 * `pattern` of a `propertyNames`; those repeat a more specific error and are dropped.
 */
function specific(errors: readonly ErrorObject[]): ErrorObject[] {
  const notAggregate = errors.filter((e) => !['anyOf', 'oneOf', 'allOf', 'if'].includes(e.keyword) && e.propertyName === undefined);
  const kept = notAggregate.filter((e) => {
    const nullBranch = e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null';
    return !nullBranch || !notAggregate.some((o) => o !== e && (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)));
  });
  return kept.length > 0 ? kept : [...errors];
}

/** Where a schema node lives: `<$id>#<pointer>`, or undefined for a node plugcheck did not load. */
export type SchemaLocator = (node: unknown) => string | undefined;

/**
 * Converts Ajv's errors for `document` into violations. Ajv's own `schemaPath` is relative to the
 * schema resource that failed, which may be another file reached through `$ref`; `locate` maps the
 * failing keyword's schema object back to its file and pointer. `fallback` prefixes Ajv's path
 * when it cannot.
 */
export function toViolations(errors: readonly ErrorObject[], document: unknown, locate: SchemaLocator, fallback: string): SchemaViolation[] {
  return specific(errors).map((e) => ({
    instancePath: e.instancePath,
    schemaPath: ((at) => (at === undefined ? `${fallback}${e.schemaPath.replace(/^#/, '')}` : `${at}/${e.keyword}`))(locate(e.parentSchema)),
    keyword: e.keyword,
    message: e.message ?? e.keyword,
    expected: expectedOf(e, e.schema),
    received: receivedOf(e, document),
  }));
}

// Ajv's own message already says what was expected, except which property a name rule is about.
const NAMES_THE_PROPERTY = new Set(['additionalProperties', 'propertyNames']);

/** One line for a violation: `/request/model: must be string, received integer 4`. */
export function describeViolation(v: SchemaViolation): string {
  const which = NAMES_THE_PROPERTY.has(v.keyword) ? `: ${String(v.received)}` : `, received ${typeof v.received === 'string' ? v.received : JSON.stringify(v.received)}`;
  return `${v.instancePath === '' ? '(document)' : v.instancePath}: ${v.message}${which}`;
}
