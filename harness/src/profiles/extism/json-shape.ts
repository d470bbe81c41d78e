/**
 * The JSON documents of the data-source ABI (seed-systems §5.3–5.4) as compact field tables, and a
 * reader that parses a document and lists every way it departs from its table. Host-call payloads
 * and export outputs are Go structs on the real side, so a field is either required (Go never omits
 * it) or optional (`?`: `omitempty`, a pointer, or a field older plugins leave out).
 */

/** The JSON type a field must have. */
export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';

/** A document's fields: `type` when required, `type?` when it may be absent or null. */
export type Shape = Readonly<Record<string, FieldType | `${FieldType}?`>>;

/** The parsed object, or every problem found. */
export type ShapeRead = { readonly ok: true; readonly value: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly problems: readonly string[] };

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Parses `text` as one JSON object and checks it against `shape`. */
export function readShaped(text: string, shape: Shape): ShapeRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (thrown) {
    return { ok: false, problems: [`not one JSON document (${(thrown as Error).message})`] };
  }
  if (jsonType(parsed) !== 'object') return { ok: false, problems: [`JSON ${jsonType(parsed)}, expected an object`] };
  const value = parsed as Record<string, unknown>;
  const problems: string[] = [];
  for (const [field, spec] of Object.entries(shape)) {
    const optional = spec.endsWith('?');
    const type = (optional ? spec.slice(0, -1) : spec) as FieldType;
    const actual = jsonType(value[field]);
    if (value[field] === undefined || value[field] === null) {
      if (!optional) problems.push(`\`${field}\` is ${value[field] === null ? 'null' : 'missing'}, expected ${type}`);
    } else if (type !== 'any' && actual !== type) {
      problems.push(`\`${field}\` is ${actual}, expected ${type}`);
    }
  }
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
}

/** The strings of an array field (non-strings dropped: the shape check already reported them). */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
