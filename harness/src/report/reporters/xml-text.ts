/**
 * Text made safe for XML 1.0: markup characters escaped, and the characters XML 1.0 cannot hold
 * at all (NUL and other C0 controls, lone surrogates, U+FFFE/U+FFFF) replaced by a visible
 * `\uXXXX`, since plugin output can contain any of them and a consumer rejects the whole file on one.
 */

// Everything outside XML 1.0's Char production; with the u flag a lone surrogate is one code point.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replaces the characters XML 1.0 forbids with a visible `\uXXXX`. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** Escapes text for element content. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for a double-quoted attribute; tabs and line breaks survive attribute normalisation as character references. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
