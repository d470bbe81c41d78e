/**
 * Reads an output as exactly one JSON document and, when it is not one, says where it goes wrong
 * in the plugin author's terms: trailing bytes after a complete document (with the byte offset
 * where the document ends and what follows, NUL padding named as such), a byte-order mark, or the
 * parser's own message. JSON.parse alone reports "Unexpected non-whitespace character", which does
 * not tell a C author that the length they returned is the buffer's capacity.
 */

/** The parsed document, or why the text is not exactly one JSON document. */
export type JsonDocument =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly problem: string;
      /** Byte offset (UTF-8) where the complete document ends, when trailing bytes follow one. */
      readonly documentEndsAt?: number;
      readonly trailingBytes?: number;
    };

const MAX_SHOWN = 16;

/** Index just past the JSON value that starts at the first non-blank character, or undefined when none can be delimited. */
function valueEnd(text: string): number | undefined {
  let i = text.search(/\S/);
  if (i < 0) return undefined;
  const first = text[i];
  if (first !== '{' && first !== '[' && first !== '"') {
    const m = /^[^\s,\]}]+/.exec(text.slice(i));
    return m === null ? undefined : i + m[0].length;
  }
  let depth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/** How the trailing text reads: NUL padding by count, anything else as a JSON string of its first bytes. */
function describeTrailing(rest: string, bytes: number): string {
  const body = rest.trimEnd();
  if (/^\u0000+$/.test(body)) return `${bytes} NUL byte${bytes === 1 ? '' : 's'} of padding (pass the exact length, do not pad)`;
  const shown = JSON.stringify(body.length > MAX_SHOWN ? body.slice(0, MAX_SHOWN) : body);
  return `${bytes} trailing byte${bytes === 1 ? '' : 's'} (${shown}${body.length > MAX_SHOWN ? '…' : ''})`;
}

/** Parses `text` as exactly one JSON document. */
export function parseJsonDocument(text: string): JsonDocument {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (thrown) {
    if (text.startsWith('\uFEFF')) return { ok: false, problem: 'output is not exactly one JSON document: it starts with a byte-order mark (EF BB BF)' };
    const end = valueEnd(text);
    if (end !== undefined && end < text.length) {
      const head = text.slice(0, end);
      let complete = false;
      try {
        JSON.parse(head);
        complete = true;
      } catch {
        // the first value itself is broken: the parser's message says where
      }
      if (complete) {
        const at = Buffer.byteLength(head, 'utf8');
        const trailing = Buffer.byteLength(text, 'utf8') - at;
        return {
          ok: false,
          problem: `output is not exactly one JSON document: the document ends at byte ${at}, followed by ${describeTrailing(text.slice(end), trailing)}`,
          documentEndsAt: at,
          trailingBytes: trailing,
        };
      }
    }
    const nul = text.includes('\u0000') ? ' (the output contains NUL bytes: pass the exact length, do not pad)' : '';
    return { ok: false, problem: `output is not exactly one JSON document: ${(thrown as Error).message}${nul}` };
  }
}
