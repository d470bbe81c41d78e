/**
 * Strings for schema fields without a pattern or format. Plain `fc.string()` is ASCII only, so
 * non-ASCII text (accents, CJK, astral emoji, combining marks, RTL, U+FEFF, U+2028) and the empty
 * string are mixed in on purpose: plugins that assume ASCII or non-empty text are a common,
 * realistic defect. Each branch is one of fast-check's built-in string units, which generate several
 * times faster than a string assembled from a per-character choice.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';

/** Hand-picked characters that break ASCII assumptions: 2-, 3- and 4-byte UTF-8, combining, RTL, separators. */
const AWKWARD = ['é', 'ß', 'Ω', 'ж', '中', '日本', '🙂', '👩‍💻', 'e\u0301', 'שלום', '\u00a0', '\ufeff', '\u2028'];

/** A string of `minLength`..`maxLength` code points (JSON Schema counts code points). */
export function textArbitrary(minLength = 0, maxLength = 24): Arbitrary<string> {
  const awkward = AWKWARD.filter((c) => [...c].length >= minLength && [...c].length <= maxLength);
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }).filter((s) => [...s].length <= maxLength) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength }) },
    ...(awkward.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...awkward) }] : []),
    ...(minLength === 0 ? [{ weight: 1, arbitrary: fc.constant('') }] : []),
  );
}
