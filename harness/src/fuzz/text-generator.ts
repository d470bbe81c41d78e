/**
 * Strings for schema fields without a pattern or format, built from fragments rather than
 * character by character: a fragment is picked from pools of ordinary words, text that JSON must
 * escape (quotes, backslashes, control characters), and text that breaks ASCII assumptions (2-, 3-
 * and 4-byte UTF-8, combining marks, a ZWJ sequence, right-to-left script, U+FEFF, U+2028), or is
 * one random printable ASCII, BMP or astral character. The empty string and strings at the length
 * bounds are generated on purpose. A string costs a handful of PRNG draws and concatenations,
 * which is what lets fuzzing run at a fraction of a plugin call's cost.
 */

/** A PRNG yielding uniformly distributed unsigned 32-bit integers. */
export type Rng = () => number;

/** A uniform integer in `0..n-1` (n ≤ 2^32). */
export function below(rng: Rng, n: number): number {
  return Math.floor((rng() / 0x1_0000_0000) * n);
}

/** One element of a non-empty list, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[below(rng, items.length)] as T;
}

interface Fragment {
  readonly text: string;
  /** Length in code points: JSON Schema's minLength and maxLength count code points. */
  readonly points: number;
}

const fragment = (text: string): Fragment => ({ text, points: [...text].length });

const WORDS = ['a', 'b', 'x', 'id', 'abc', 'gpt-4', 'openai', 'user', 'Hello', 'hello world', 'application/json', 'POST', '/v1/chat', '0', '42', '-1', '3.14', 'true', 'null', ' ', '_', '-', '.', '/', ':', '=', '?', '&', '%20', '{}', '[]'].map(fragment);
const ESCAPES = ['"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u0001', '\u001f', '\u007f', '\\u0041', '</script>', "'"].map(fragment);
const NON_ASCII = ['é', 'ß', 'Ω', 'ж', '中', '日本', '🙂', '👩‍💻', 'e\u0301', 'שלום', '\u00a0', '\ufeff', '\u2028', '\u2029', '\ufffd', '𝕏', '\u{10fffd}'].map(fragment);

// One random character of a class, from the bits of one draw: printable ASCII, any BMP scalar (no
// surrogate halves), or astral.
function randomChar(bits: number): string {
  const kind = bits & 3;
  const value = bits >>> 2;
  if (kind < 2) return String.fromCharCode(0x20 + (value % 95));
  if (kind === 2) {
    const unit = 0x80 + (value % 0xf780);
    return String.fromCharCode(unit >= 0xd800 ? unit + 0x800 : unit);
  }
  return String.fromCodePoint(0x10000 + (value % 0x100000));
}

/**
 * A string of `minLength`..`maxLength` code points. One draw decides the string's kind and length,
 * one per fragment its pool and its pick (the low 4 bits weigh the pools: mostly words, one string
 * in a few with escapes or non-ASCII text; the other 28 bits pick within the pool, where modulo
 * bias is below 1e-6): a string costs a handful of draws, not one per decision.
 */
export function generateText(rng: Rng, minLength: number, maxLength: number): string {
  const shape = rng();
  const roll = shape % 10;
  if (roll === 0 && minLength === 0) return '';
  // Only ordinary words in about half the strings, so awkward text stands out when it breaks a plugin.
  const awkward = roll >= 5;
  const target = roll === 1 ? maxLength : minLength + ((shape >>> 8) % (Math.min(maxLength - minLength, 16) + 1));
  let text = '';
  let points = 0;
  for (let tries = 0; points < target && tries < 12; tries++) {
    const draw = rng();
    const pool = awkward ? draw & 15 : 0;
    const pickBits = draw >>> 4;
    let next: string;
    let length = 1;
    if (pool < 9) {
      const word = WORDS[pickBits % WORDS.length] as Fragment;
      next = word.text;
      length = word.points;
    } else if (pool < 14) {
      const fragments = pool < 11 ? ESCAPES : NON_ASCII;
      const fragment = fragments[pickBits % fragments.length] as Fragment;
      next = fragment.text;
      length = fragment.points;
    } else next = randomChar(pickBits);
    if (points + length > maxLength) continue;
    text += next;
    points += length;
  }
  // Fragments longer than the room left: pad with ASCII up to the minimum.
  return points >= minLength ? text : text + 'a'.repeat(minLength - points);
}
