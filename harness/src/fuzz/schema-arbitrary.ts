/**
 * The JSON Schema → fast-check compiler: turns a schema in `schemas/` into an arbitrary whose values
 * fit it. It understands the keywords plugcheck's schemas use — type (and unions), properties,
 * required, additionalProperties, propertyNames, enum, const, items, min/max length, items and
 * range bounds, pattern, format, anyOf/oneOf/allOf, if/then/else and `$ref` across files.
 *
 * A schema compiles to a plain generator that builds a value straight from a seeded PRNG
 * (text-generator.ts for strings), wrapped in one custom fast-check arbitrary that draws the seed
 * from fast-check's own random source and shrinks structurally (shrink-json.ts), keeping only
 * candidates the schema accepts: `fc.assert` still drives seeds, shrinking, paths and replay, at a
 * small fraction of the cost of composing fast-check's combinators node by node. Patterns and
 * formats pick from a pool of values drawn once per schema node from fast-check's generators
 * (`fc.stringMatching`, `fc.date`, `fc.webUrl`): field values, never whole documents.
 *
 * Boundaries are generated on purpose rather than by luck: empty strings, arrays and objects,
 * non-ASCII text and the ends of every numeric range. Keywords that only constrain (not, oneOf's
 * exclusivity) are not modelled: no hook schema uses them, and the property test fails the day
 * one does.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { seededRandom } from '../host/seeded-random.js';
import type { HookSchema } from '../schema/hook-schema.js';
import type { SchemaRegistry } from '../schema/schema-registry.js';
import { resolveRef } from './json-pointer.js';
import { shrinkJson } from './shrink-json.js';
import { below, generateText, pick } from './text-generator.js';
import type { Rng } from './text-generator.js';

type Node = Readonly<Record<string, unknown>>;

/** Builds one value from a PRNG. */
type Gen = (rng: Rng) => unknown;

/** Bounds that keep generated documents small enough to call a plugin thousands of times. */
const MAX_ITEMS = 4;
const MAX_EXTRA_KEYS = 3;
const MAX_DEPTH = 12;
/** Values drawn once per pattern or format node, to pick field values from. */
const POOL_SIZE = 64;
/** Member names per patterned map schema: up to three extra members from n names make n + n² + n³ hidden classes. */
const NAME_POOL_SIZE = 12;
const TWO_32 = 0x1_0000_0000;

// JSON has no -0: JSON.stringify writes 0, so a generated -0 would differ from what is sent.
const noNegativeZero = (n: number) => (n === 0 ? 0 : n);

function randomInt(rng: Rng, lo: number, hi: number): number {
  return lo + below(rng, hi - lo + 1);
}

function randomDouble(rng: Rng, min: number, max: number): number {
  const span = max - min;
  if (Number.isFinite(span) && span <= 1e6) return noNegativeZero(min + (rng() / TWO_32) * span);
  // Wide ranges: a random magnitude across many decades, so tiny and huge numbers both appear.
  const magnitude = (rng() / TWO_32) * 10 ** (below(rng, 29) - 8);
  const value = below(rng, 2) === 0 ? magnitude : -magnitude;
  return noNegativeZero(Math.min(max, Math.max(min, value)));
}

// Any JSON, for `true` and untyped schemas: scalars (with the same awkward text as typed strings),
// and shallow arrays and objects of them.
const jsonLeaf: Gen = (rng) => {
  switch (below(rng, 6)) {
    case 0:
      return null;
    case 1:
      return below(rng, 2) === 0;
    case 2:
      return randomInt(rng, -(2 ** 31), 2 ** 31 - 1);
    case 3:
      return randomDouble(rng, -Number.MAX_VALUE, Number.MAX_VALUE);
    default:
      return generateText(rng, 0, 12);
  }
};
// `length` values of `item`, in order. A plain loop: `Array.from({ length }, fn)` takes V8's generic
// array-like path and cost more than the items it built.
function arrayOf(length: number, item: Gen, rng: Rng): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) out.push(item(rng));
  return out;
}

// Member names of maps come from a fixed set with the same kinds of awkward text as values (empty,
// escapes, non-ASCII, an astral ZWJ sequence): names drawn afresh for every object would give each
// object a hidden class of its own in V8, which makes building, validating and stringifying it
// several times slower.
const textNames: readonly string[] = ['', 'a', 'request_id', 'request-id', 'x-trace', 'key with space', 'quote"d', 'back\\slash', 'é', '中文', '🙂', '👩‍💻'];
const anyName: Gen = (rng) => pick(rng, textNames);

const anyJson: Gen = (rng) => {
  const roll = below(rng, 6);
  if (roll < 4) return jsonLeaf(rng);
  const size = below(rng, 4);
  if (roll === 4) return arrayOf(size, jsonLeaf, rng);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) out[anyName(rng) as string] = jsonLeaf(rng);
  return out;
};

/** How a hook document was generated: in one dialect of its schema, or in its only shape (`dialect` undefined). */
export interface Generation {
  readonly dialect: string | undefined;
}

// The tag a generated document carries: a symbol-keyed member, which JSON.stringify, Ajv and
// Object.keys all skip; a parsed or replayed copy has none, a shrunk one (built by spreading) keeps
// it, which is why a tagged input is still validated against its dialect before use. One frozen tag per dialect,
// so tagging is one store; a WeakMap told the same at ~0.2 µs per document plus the collector's
// ephemeron work, a measurable share of a fuzz case.
const GENERATION: unique symbol = Symbol('plugcheck.generation');
const ONLY_SHAPE: Generation = Object.freeze({ dialect: undefined });

type Tagged = { [GENERATION]?: unknown };

/** How a document made by {@link SchemaArbitraries.forHook} was generated; undefined for any other value. */
export function generation(document: unknown): Generation | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const tag = (document as Tagged)[GENERATION];
  return typeof tag === 'object' && tag !== null ? (tag as Generation) : undefined;
}

function tagged(generate: Gen, tag: Generation): Gen {
  return (rng) => {
    const value = generate(rng);
    if (typeof value === 'object' && value !== null) (value as Tagged)[GENERATION] = tag;
    return value;
  };
}

/** A fast-check arbitrary over a compiled schema: seeded by fast-check, shrunk within the schema. */
class SchemaArbitrary extends fc.Arbitrary<unknown> {
  readonly #generate: Gen;
  readonly #accepts: (value: unknown) => boolean;

  constructor(generate: Gen, accepts: (value: unknown) => boolean) {
    super();
    this.#generate = generate;
    this.#accepts = accepts;
  }

  generate(mrng: fc.Random): fc.Value<unknown> {
    // One draw from fast-check's source seeds the value's own PRNG: same seed and path, same value.
    return new fc.Value(this.#generate(seededRandom(mrng.nextInt(-(2 ** 31), 2 ** 31 - 1))), undefined);
  }

  canShrinkWithoutContext(value: unknown): value is unknown {
    return this.#accepts(value);
  }

  shrink(value: unknown): fc.Stream<fc.Value<unknown>> {
    return fc.stream(shrinkJson(value)).filter(this.#accepts).map((v) => new fc.Value(v, undefined));
  }
}

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
    return new SchemaArbitrary(this.#generator(id), this.#accepts(id));
  }

  /**
   * The arbitrary of a hook schema. For a schema with dialects each value is generated from one
   * dialect's definition, which {@link generation} then tells (a shrunk value may no longer fit it).
   */
  forHook(schema: HookSchema): Arbitrary<unknown> {
    if (schema.dialects.length === 0) return new SchemaArbitrary(tagged(this.#generator(schema.id), ONLY_SHAPE), this.#accepts(schema.id));
    const byDialect = schema.dialects.map((dialect) => tagged(this.#generator(`${schema.id}#/$defs/${dialect}`), Object.freeze({ dialect })));
    return new SchemaArbitrary((rng) => pick(rng, byDialect)(rng), this.#accepts(schema.id));
  }

  #generator(id: string): Gen {
    const hash = id.indexOf('#');
    const base = hash < 0 ? id : id.slice(0, hash);
    const ref = hash < 0 ? '#' : id.slice(hash);
    return this.#compile(resolveRef(this.#registry, ref, base).node, base, 0);
  }

  #accepts(id: string): (value: unknown) => boolean {
    const validate = this.#registry.validator(id);
    if (validate === undefined) throw new Error(`no compiled schema ${id}`);
    return (value) => validate(value);
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

  #compile(raw: unknown, base: string, depth: number): Gen {
    if (raw === true || raw === undefined) return anyJson;
    if (!isNode(raw)) return anyJson;
    const { node, base: at } = this.#flatten(raw, base, depth);
    for (const key of ['anyOf', 'oneOf'] as const) {
      const branches = node[key];
      if (!Array.isArray(branches)) continue;
      const { [key]: _b, ...rest } = node;
      return oneOf(branches.map((b) => this.#compile(merge(absolutise(rest, at), absolutise(isNode(b) ? b : {}, at)), at, depth + 1)));
    }
    if (isNode(node['if'])) return this.#conditional(node, at, depth);
    if ('const' in node) {
      const value = node['const'];
      return () => value;
    }
    if (Array.isArray(node['enum'])) {
      const values = node['enum'] as unknown[];
      return (rng) => pick(rng, values);
    }
    const types = typesOf(node) ?? inferTypes(node);
    if (types.length === 0) return anyJson;
    return oneOf(types.map((t) => this.#ofType(t, node, at, depth)));
  }

  // if/then/else as two branches: values that meet `if` and `then`, and values of `else` that miss `if`.
  #conditional(node: Node, base: string, depth: number): Gen {
    const { if: condition, then: consequence, else: alternative, ...rest } = node;
    const own = absolutise(rest, base);
    const when = isNode(condition) ? condition : {};
    const meets = this.#compile(merge(merge(own, absolutise(when, base)), absolutise(isNode(consequence) ? consequence : {}, base)), base, depth + 1);
    const misses = this.#compile(merge(own, absolutise(isNode(alternative) ? alternative : {}, base)), base, depth + 1);
    return (rng) => {
      if (below(rng, 2) === 0) return meets(rng);
      for (let tries = 0; tries < 20; tries++) {
        const value = misses(rng);
        if (!meetsSimple(when, value)) return value;
      }
      return meets(rng);
    };
  }

  #ofType(type: string, node: Node, base: string, depth: number): Gen {
    switch (type) {
      case 'null':
        return () => null;
      case 'boolean':
        return (rng) => below(rng, 2) === 0;
      case 'integer':
        return integerGen(node);
      case 'number':
        return numberGen(node);
      case 'string':
        return stringGen(node);
      case 'array': {
        const items = this.#compile(node['items'], base, depth + 1);
        const minLength = num(node['minItems']) ?? 0;
        const maxLength = Math.max(minLength, Math.min(num(node['maxItems']) ?? MAX_ITEMS, MAX_ITEMS));
        return (rng) => arrayOf(randomInt(rng, minLength, maxLength), items, rng);
      }
      case 'object':
        return this.#objectGen(node, base, depth);
      default:
        return anyJson;
    }
  }

  #objectGen(node: Node, base: string, depth: number): Gen {
    const props = isNode(node['properties']) ? node['properties'] : {};
    const required = Array.isArray(node['required']) ? node['required'].map(String) : [];
    const additional = node['additionalProperties'];
    const keys = [...new Set([...Object.keys(props), ...required])];
    const fields = keys.map((key) => ({ key, required: required.includes(key), value: this.#compile(key in props ? props[key] : additional, base, depth + 1) }));
    const extraValue = additional === false ? undefined : this.#compile(additional, base, depth + 1);
    const namePattern = isNode(node['propertyNames']) && typeof node['propertyNames']['pattern'] === 'string' ? node['propertyNames']['pattern'] : undefined;
    const names: Gen = namePattern === undefined ? anyName : poolGen(fc.stringMatching(new RegExp(namePattern, 'u')), () => true, `propertyNames ${namePattern}`, NAME_POOL_SIZE);
    return objectBuilder(fields, extraValue === undefined ? undefined : { names, value: extraValue, reserved: new Set(keys) });
  }
}

/**
 * An object generator compiled to JavaScript, one per schema object: each member is a store to a
 * literal key, so V8 sees a handful of hidden classes per site instead of one shared megamorphic
 * store for every object of every schema (three to four times faster to build and to validate).
 * Optional members are present half the time; extra members (a map's, when additionalProperties
 * allows them) in one object of four, after the declared ones.
 */
function objectBuilder(
  fields: readonly { readonly key: string; readonly required: boolean; readonly value: Gen }[],
  extras: { readonly names: Gen; readonly value: Gen; readonly reserved: ReadonlySet<string> } | undefined,
): Gen {
  // Each optional member's presence is one bit of a draw made for the object, not a draw of its own.
  let optional = 0;
  const members = fields.map((f, i) => {
    const store = `out[${JSON.stringify(f.key)}] = field${i}(rng);`;
    if (f.required) return store;
    const bit = optional++ % 32;
    return `${bit === 0 ? 'bits = rng(); ' : ''}if ((bits >>> ${bit}) & 1) ${store}`;
  });
  const extra = extras === undefined ? '' : `if (below(rng, 4) === 0) for (let n = 1 + below(rng, ${MAX_EXTRA_KEYS}); n > 0; n--) { const name = names(rng); if (!reserved.has(name) && name !== '__proto__') out[name] = extraValue(rng); }`;
  const params = ['below', 'names', 'extraValue', 'reserved', ...fields.map((_, i) => `field${i}`)];
  const body = `return (rng) => { const out = {}; let bits = 0; ${members.join(' ')} ${extra} return out; };`;
  const make = new Function(...params, body) as (...args: unknown[]) => Gen;
  return make(below, extras?.names, extras?.value, extras?.reserved, ...fields.map((f) => f.value));
}

function oneOf(gens: readonly Gen[]): Gen {
  if (gens.length === 1) return gens[0] as Gen;
  return (rng) => pick(rng, gens)(rng);
}

// Field values for patterns and formats: drawn once from fast-check's generator with a fixed seed.
function poolGen(arbitrary: Arbitrary<string>, fits: (s: string) => boolean, what: string, size = POOL_SIZE): Gen {
  const pool = [...new Set(fc.sample(arbitrary, { numRuns: size * 4, seed: 0 }).filter(fits))].slice(0, size);
  if (pool.length === 0) throw new Error(`cannot generate strings for ${what}`);
  return (rng) => pick(rng, pool);
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

function integerGen(node: Node): Gen {
  const { min, max } = boundsOf(node, true);
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  const edges = [lo, hi, 0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 2 ** 32].filter((n) => n >= lo && n <= hi);
  const from = Math.max(lo, -(2 ** 31));
  const to = Math.min(hi, 2 ** 31 - 1);
  return (rng) => (below(rng, 5) === 0 ? pick(rng, edges) : randomInt(rng, from, to));
}

function numberGen(node: Node): Gen {
  const { min, max } = boundsOf(node, false);
  const edges = [min, max, 0, -1, 0.5, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER + 2].filter((n) => n >= min && n <= max && Number.isFinite(n));
  return (rng) => (below(rng, 5) === 0 ? pick(rng, edges) : randomDouble(rng, min, max));
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

function stringGen(node: Node): Gen {
  const minLength = num(node['minLength']) ?? 0;
  const maxLength = num(node['maxLength']);
  const fits = (s: string) => {
    const n = [...s].length;
    return n >= minLength && (maxLength === undefined || n <= maxLength);
  };
  const pattern = typeof node['pattern'] === 'string' ? new RegExp(node['pattern'], 'u') : undefined;
  const matches = (s: string) => fits(s) && (pattern === undefined || pattern.test(s));
  if ((node['format'] === 'uri' || node['format'] === 'uri-reference') && pattern !== undefined) {
    // A URI with a scheme pattern (`^wss?://`): web URLs in the schemes the pattern allows.
    const validSchemes = URI_SCHEMES.filter((scheme) => pattern.test(`${scheme}://a.b`));
    if (validSchemes.length > 0) return poolGen(fc.webUrl({ validSchemes }), matches, `format ${String(node['format'])} ${pattern.source}`);
  }
  const format = typeof node['format'] === 'string' ? FORMATS[node['format']] : undefined;
  if (format !== undefined) return poolGen(format(), matches, `format ${String(node['format'])}`);
  if (pattern !== undefined) return poolGen(fc.stringMatching(pattern), matches, `pattern ${pattern.source}`);
  const cap = Math.max(minLength, Math.min(maxLength ?? 24, 24 + minLength));
  return (rng) => generateText(rng, minLength, cap);
}

/**
 * Text of `minLength`..`maxLength` code points from the same fragment pools as schema strings
 * (text-generator.ts), shrinking towards the empty string: for values that have no schema of their
 * own, such as the environment a host answers `ft_get_env` with.
 */
export function textArbitrary(minLength = 0, maxLength = 24): Arbitrary<string> {
  const fits = (v: unknown) => typeof v === 'string' && [...v].length >= minLength && [...v].length <= maxLength;
  return new SchemaArbitrary((rng) => generateText(rng, minLength, maxLength), fits) as Arbitrary<string>;
}

/**
 * Values for a hook's input schema, each generated in one of its dialects (see
 * {@link generation}). Not filtered again: the compiler is exact for every hook schema
 * (harness/test/fuzz/schema-arbitrary.test.ts proves it for thousands of values each), and every
 * value is validated before it is sent anyway (fuzz/checked-hook-call.ts), where an invalid one is
 * reported as a plugcheck bug.
 */
export function hookInputArbitrary(arbitraries: SchemaArbitraries, schema: HookSchema): Arbitrary<unknown> {
  return arbitraries.forHook(schema);
}
