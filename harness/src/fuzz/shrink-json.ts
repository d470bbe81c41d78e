/**
 * Structural shrinking of JSON values: every candidate is strictly smaller than the value it came
 * from — optional members dropped, arrays and strings shortened (by halves, then chunk by chunk, so
 * the one character that matters survives), object keys shortened, numbers moved towards 0, `true`
 * to `false`. Candidates come lazily, simplest first; the caller keeps only those its schema
 * accepts, so a shrunk value is always one the schema allows.
 */

/** Smaller versions of `value`, simplest first. */
export function* shrinkJson(value: unknown): Generator<unknown> {
  if (typeof value === 'string') yield* shrinkString(value);
  else if (typeof value === 'number') yield* shrinkNumber(value);
  else if (value === true) yield false;
  else if (Array.isArray(value)) yield* shrinkArray(value);
  else if (typeof value === 'object' && value !== null) yield* shrinkObject(value as Record<string, unknown>);
}

// Removes chunks of halving size, each position in turn: a length-n sequence reaches any single
// element in about log2(n) accepted steps.
function* withoutChunks<T>(items: readonly T[]): Generator<T[]> {
  for (let size = Math.floor(items.length / 2) || 1; size >= 1; size = Math.floor(size / 2)) {
    for (let at = 0; at + size <= items.length; at += size) yield [...items.slice(0, at), ...items.slice(at + size)];
  }
}

function* shrinkString(text: string): Generator<string> {
  if (text === '') return;
  yield '';
  const points = [...text];
  if (points.length > 1) for (const shorter of withoutChunks(points)) yield shorter.join('');
}

function* shrinkNumber(n: number): Generator<number> {
  if (n === 0 || !Number.isFinite(n)) return;
  yield 0;
  if (!Number.isInteger(n)) {
    yield Math.trunc(n);
    return;
  }
  // n minus ever smaller parts of itself: n/2, 3n/4, …, n∓1.
  for (let part = Math.trunc(n / 2); part !== 0; part = Math.trunc(part / 2)) yield n - part;
}

function* shrinkArray(items: readonly unknown[]): Generator<unknown[]> {
  if (items.length === 0) return;
  yield [];
  if (items.length > 1) yield* withoutChunks(items);
  for (const [at, item] of items.entries()) {
    for (const smaller of shrinkJson(item)) yield items.map((x, i) => (i === at ? smaller : x));
  }
}

// Computed keys and spreads create own properties, so even a key named like a prototype accessor survives.
function* shrinkObject(object: Record<string, unknown>): Generator<Record<string, unknown>> {
  const keys = Object.keys(object);
  if (keys.length === 0) return;
  yield {};
  for (const key of keys) {
    const { [key]: _dropped, ...rest } = object;
    yield rest;
  }
  for (const key of keys) {
    for (const shorter of shrinkString(key)) {
      if (shorter in object || shorter === '__proto__') continue;
      yield Object.fromEntries(keys.map((k) => (k === key ? [shorter, object[k]] : [k, object[k]])));
    }
  }
  for (const key of keys) {
    for (const smaller of shrinkJson(object[key])) yield { ...object, [key]: smaller };
  }
}
