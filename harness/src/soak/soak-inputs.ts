/**
 * The inputs a soak sends: the profile's seed fixtures, and seeded mutations of them — truncated,
 * padded with garbage, nested deeply, emptied — so a long run exercises both the answer path and
 * the error paths of a plugin. Deterministic for a seed.
 */
import { seededRandom } from '../host/seeded-random.js';

/** An endless, seeded stream of input texts built from `fixtures` (JSON texts). */
export function soakInputs(fixtures: readonly string[], seed: number): () => string {
  const next = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length] as T;
  const mutations: readonly ((text: string) => string)[] = [
    (t) => t,
    (t) => t.slice(0, next() % (t.length + 1)),
    (t) => `${t}${'\u0000}]"'.slice(next() % 4)}`,
    (t) => `${'['.repeat(1 + (next() % 200))}${t}`,
    () => '',
    (t) => t.replace(/"[a-z_]+"/, `"${String.fromCharCode(0xd800 + (next() % 0x400))}"`),
    (t) => JSON.stringify({ wrapped: t, n: next(), deep: JSON.parse(t) as unknown }),
  ];
  return () => pick(mutations)(pick(fixtures));
}
