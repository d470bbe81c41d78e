/**
 * The JSON Schema → fast-check compiler: turns a schema in `schemas/` into an arbitrary whose values
 * fit it. It understands the keywords plugcheck's schemas use — type (and unions), properties,
 * required, additionalProperties, propertyNames, enum, const, items, min/max length, items and
 * range bounds, pattern (`fc.stringMatching`), format, anyOf/oneOf/allOf, if/then/else and `$ref`
 * across files.
 *
 * Boundaries are generated on purpose rather than by luck: empty strings, arrays and objects,
 * non-ASCII text (text-arbitrary.ts) and the ends of every numeric range. Keywords that only
 * constrain (not, oneOf's exclusivity) are not modelled: no hook schema uses them, and the property
 * test fails the day one does.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { HookSchema } from '../schema/hook-schema.js';
import type { SchemaRegistry } from '../schema/schema-registry.js';
import { resolveRef } from './json-pointer.js';
import { textArbitrary } from './text-arbitrary.js';

type Node = Readonly<Record<string, unknown>>;

/** Bounds that keep generated documents small enough to call a plugin thousands of times. */
const MAX_ITEMS = 4;
const MAX_EXTRA_KEYS = 3;
const MAX_DEPTH = 12;

// Any JSON, for `true` and untyped schemas: scalars (with the same awkward text as typed strings),
// and shallow arrays and objects of them. Cheaper than fc.jsonValue by a factor of three or more,
// which matters because free-form maps (`context`, `params`) are in every Bifrost input.
const jsonLeaf: Arbitrary<unknown> = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)), textArbitrary(0, 12));
const anyJson: Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: jsonLeaf },
  { weight: 1, arbitrary: fc.array(jsonLeaf, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(textArbitrary(0, 8), jsonLeaf, { maxKeys: 3 }) },
);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: Node): string[] | undefined {
  const t = node['type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.map(String) : undefined;
}

// Two schemas that must both hold, as one: property maps joined (a key in both keeps both as
// allOf), required lists united, types intersected, `false` winning over any other additionalProperties.
function merge(a: Node, b: Node): Node {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (key === 'properties' && isNode(mine) && isNode(value)) {
      const props: Record<string, unknown> = { ...mine };
      for (const [p, s] of Object.entries(value)) props[p] = props[p] === undefined ? s : { allOf: [props[p], s] };
      out[key] = props;
    } else if (key === 'required' && Array.isArray(mine) && Array.isArray(value)) out[key] = [...new Set([...mine, ...value])];
    else if (key === 'type') {
      const left = typesOf(a) ?? [];
      const both = (typesOf(b) ?? []).filter((t) => left.includes(t) || (t === 'integer' && left.includes('number')));
      out[key] = both;
    } else if (key === 'additionalProperties') out[key] = mine === false || value === false ? false : value;
    else if (key === 'anyOf' || key === 'oneOf') out['allOf'] = [...((out['allOf'] as unknown[] | undefined) ?? []), { [key]: value }];
    else out[key] = value;
  }
  return out;
}

/** Compiles schema nodes of one registry; one instance per process is enough. */
export class SchemaArbitraries {
  readonly #registry: SchemaRegistry;

  constructor(registry: SchemaRegistry) {
    this.#registry = registry;
  }

  /** The arbitrary of the schema at `$id` (a file's `$id`, optionally with `#/pointer`). Unfiltered. */
  forId(id: string): Arbitrary<unknown> {
    const hash = id.indexOf('#');
    const base = hash < 0 ? id : id.slice(0, hash);
    const ref = hash < 0 ? '#' : id.slice(hash);
    return this.#compile(resolveRef(this.#registry, ref, base).node, base, 0);
  }

  // Replaces $ref and allOf by the schemas they name, merged, so the rest sees one flat node.
  #flatten(node: Node, base: string, depth: number): { node: Node; base: string } {
    if (depth > MAX_DEPTH) throw new Error(`schema nesting deeper than ${MAX_DEPTH} at ${base}`);
    let flat: Node = node;
    let flatBase = base;
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const target = resolveRef(this.#registry, ref, base);
      const { $ref: _ref, ...rest } = node;
      const inner = this.#flatten(isNode(target.node) ? target.node : {}, target.base, depth + 1);
      // Sibling keywords of a $ref in one file and the target in another: absolutise the target's refs.
      flat = merge(absolutise(inner.node, inner.base), absolutise(rest, base));
      flatBase = inner.base;
    }
    const allOf = flat['allOf'];
    if (Array.isArray(allOf)) {
      const { allOf: _all, ...rest } = flat;
      let joined: Node = absolutise(rest, flatBase);
      for (const member of allOf) {
        if (!isNode(member)) continue;
        const inner = this.#flatten(member, flatBase, depth + 1);
        joined = merge(joined, absolutise(inner.node, inner.base));
      }
      return this.#flatten(joined, flatBase, depth + 1);
    }
    return { node: flat, base: flatBase };
  }

  #compile(raw: unknown, base: string, depth: number): Arbitrary<unknown> {
    if (raw === true || raw === undefined) return anyJson;
    if (!isNode(raw)) return anyJson;
    const { node, base: at } = this.#flatten(raw, base, depth);
    for (const key of ['anyOf', 'oneOf'] as const) {
      const branches = node[key];
      if (!Array.isArray(branches)) continue;
      const { [key]: _b, ...rest } = node;
      return fc.oneof(...branches.map((b) => this.#compile(merge(absolutise(rest, at), absolutise(isNode(b) ? b : {}, at)), at, depth + 1)));
    }
    if (isNode(node['if'])) return this.#conditional(node, at, depth);
    if ('const' in node) return fc.constant(node['const']);
    if (Array.isArray(node['enum'])) return fc.constantFrom(...(node['enum'] as unknown[]));
    const types = typesOf(node) ?? inferTypes(node);
    if (types.length === 0) return anyJson;
    return fc.oneof(...types.map((t) => this.#ofType(t, node, at, depth)));
  }

  // if/then/else as two branches: values that meet `if` and `then`, and values of `else` that miss `if`.
  #conditional(node: Node, base: string, depth: number): Arbitrary<unknown> {
    const { if: condition, then: consequence, else: alternative, ...rest } = node;
    const own = absolutise(rest, base);
    const when = isNode(condition) ? condition : {};
    const meets = this.#compile(merge(merge(own, absolutise(when, base)), absolutise(isNode(consequence) ? consequence : {}, base)), base, depth + 1);
    const misses = this.#compile(merge(own, absolutise(isNode(alternative) ? alternative : {}, base)), base, depth + 1).filter((v) => !meetsSimple(when, v));
    return fc.oneof(meets, misses);
  }

  #ofType(type: string, node: Node, base: string, depth: number): Arbitrary<unknown> {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return integerArbitrary(node);
      case 'number':
        return numberArbitrary(node);
      case 'string':
        return stringArbitrary(node);
      case 'array': {
        const items = this.#compile(node['items'], base, depth + 1);
        const minLength = num(node['minItems']) ?? 0;
        return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(num(node['maxItems']) ?? MAX_ITEMS, MAX_ITEMS)) });
      }
      case 'object':
        return this.#objectArbitrary(node, base, depth);
      default:
        return anyJson;
    }
  }

  #objectArbitrary(node: Node, base: string, depth: number): Arbitrary<unknown> {
    const props = isNode(node['properties']) ? node['properties'] : {};
    const required = Array.isArray(node['required']) ? node['required'].map(String) : [];
    const additional = node['additionalProperties'];
    const keys = [...new Set([...Object.keys(props), ...required])];
    const model = Object.fromEntries(keys.map((k) => [k, this.#compile(k in props ? props[k] : additional, base, depth + 1)]));
    const known = fc.record(model, { requiredKeys: required.filter((k) => keys.includes(k)) });
    if (additional === false) return known;
    const names = isNode(node['propertyNames']) && typeof node['propertyNames']['pattern'] === 'string' ? fc.stringMatching(new RegExp(node['propertyNames']['pattern'], 'u')) : textArbitrary(0, 10);
    const extraKeys = names.filter((k) => !keys.includes(k) && k !== '__proto__');
    const extras = fc.dictionary(extraKeys, this.#compile(additional, base, depth + 1), { maxKeys: MAX_EXTRA_KEYS });
    return fc.tuple(known, fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extras })).map(([k, e]) => ({ ...e, ...k }));
  }
}

// Whether a value meets an `if` schema of the simple kind plugcheck's schemas use (required,
// properties with const, enum or type); anything else counts as met, so `misses` stays conservative.
function meetsSimple(schema: Node, value: unknown): boolean {
  if (!isNode(value)) return schema['type'] === undefined || typesOf(schema)?.includes(Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value) === true;
  const required = Array.isArray(schema['required']) ? schema['required'].map(String) : [];
  if (required.some((k) => !(k in value))) return false;
  const props = isNode(schema['properties']) ? schema['properties'] : {};
  return Object.entries(props).every(([k, sub]) => {
    if (!(k in value) || !isNode(sub)) return true;
    const v = value[k];
    if ('const' in sub) return JSON.stringify(sub['const']) === JSON.stringify(v);
    if (Array.isArray(sub['enum'])) return sub['enum'].some((e) => JSON.stringify(e) === JSON.stringify(v));
    return true;
  });
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

// A schema without `type`: what its keywords imply, nothing (any JSON) when they imply nothing.
function inferTypes(node: Node): string[] {
  if ('properties' in node || 'required' in node || 'additionalProperties' in node || 'propertyNames' in node) return ['object'];
  if ('items' in node || 'minItems' in node) return ['array'];
  if ('pattern' in node || 'minLength' in node || 'maxLength' in node || 'format' in node) return ['string'];
  if ('minimum' in node || 'maximum' in node) return ['number'];
  return [];
}

// Relative $refs inside a node, made absolute against the file the node came from, so the node can
// be merged with one from another file.
function absolutise(node: Node, base: string): Node {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isNode(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? new URL(v, base).href : k === 'examples' || k === 'const' || k === 'enum' ? v : visit(v)]));
  };
  return visit(node) as Node;
}

function boundsOf(node: Node, integer: boolean): { min: number; max: number } {
  const step = integer ? 1 : Number.EPSILON;
  const exMin = num(node['exclusiveMinimum']);
  const exMax = num(node['exclusiveMaximum']);
  const min = num(node['minimum']) ?? (exMin === undefined ? undefined : exMin + step);
  const max = num(node['maximum']) ?? (exMax === undefined ? undefined : exMax - step);
  const limit = integer ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE;
  return { min: min ?? -limit, max: max ?? limit };
}

function integerArbitrary(node: Node): Arbitrary<number> {
  const { min, max } = boundsOf(node, true);
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  const edges = [lo, hi, 0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 2 ** 32].filter((n) => n >= lo && n <= hi);
  return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...edges) }, { weight: 4, arbitrary: fc.integer({ min: Math.max(lo, -(2 ** 31)), max: Math.min(hi, 2 ** 31 - 1) }) });
}

function numberArbitrary(node: Node): Arbitrary<number> {
  const { min, max } = boundsOf(node, false);
  const edges = [min, max, 0, -1, 0.5, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER + 2].filter((n) => n >= min && n <= max && Number.isFinite(n));
  return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...edges) }, { weight: 4, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)) });
}

const FORMATS: Readonly<Record<string, () => Arbitrary<string>>> = {
  'date-time': () => fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  date: () => fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  uri: () => fc.webUrl(),
  'uri-reference': () => fc.webUrl(),
  email: () => fc.emailAddress(),
  uuid: () => fc.uuid(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  hostname: () => fc.domain(),
};

const URI_SCHEMES = ['http', 'https', 'ws', 'wss', 'ftp', 'file'];

function stringArbitrary(node: Node): Arbitrary<string> {
  const minLength = num(node['minLength']) ?? 0;
  const maxLength = num(node['maxLength']);
  const fits = (s: string) => {
    const n = [...s].length;
    return n >= minLength && (maxLength === undefined || n <= maxLength);
  };
  const pattern = typeof node['pattern'] === 'string' ? new RegExp(node['pattern'], 'u') : undefined;
  if ((node['format'] === 'uri' || node['format'] === 'uri-reference') && pattern !== undefined) {
    // A URI with a scheme pattern (`^wss?://`): web URLs in the schemes the pattern allows.
    const validSchemes = URI_SCHEMES.filter((scheme) => pattern.test(`${scheme}://a.b`));
    if (validSchemes.length > 0) return fc.webUrl({ validSchemes }).filter((u) => pattern.test(u) && fits(u));
  }
  const format = typeof node['format'] === 'string' ? FORMATS[node['format']] : undefined;
  if (format !== undefined) return format().filter((s) => fits(s) && (pattern === undefined || pattern.test(s)));
  if (pattern !== undefined) return fc.stringMatching(pattern).filter(fits);
  return textArbitrary(minLength, Math.max(minLength, Math.min(maxLength ?? 24, 24 + minLength)));
}

/**
 * Values for a hook's input schema. Not filtered again: the compiler is exact for every hook schema
 * (harness/test/fuzz/schema-arbitrary.test.ts proves it for thousands of values each), filtering
 * would double the cost of generation, and every value is validated before it is sent anyway
 * (schema/validated-hook-call.ts), where an invalid one is reported as a plugcheck bug.
 */
export function hookInputArbitrary(arbitraries: SchemaArbitraries, schema: HookSchema): Arbitrary<unknown> {
  return arbitraries.forId(schema.id);
}
