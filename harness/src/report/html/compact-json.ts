/**
 * JSON for people: indented like `JSON.stringify(v, null, 2)`, but any object or array that fits on
 * one line stays on one line, so 200 memory samples read as 200 short lines instead of 1,000.
 */

/** Width under which a nested value is written on one line. */
export const COMPACT_JSON_WIDTH = 96;

/** Formats a JSON value compactly; `undefined` (not JSON) is written as `null`. */
export function compactJson(value: unknown, width: number = COMPACT_JSON_WIDTH): string {
  return format(value, '', width);
}

function format(value: unknown, indent: string, width: number): string {
  const flat = oneLine(value);
  if (value === null || typeof value !== 'object' || flat.length + indent.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + format(v, inner, width)).join(',\n')}\n${indent}]`;
  }
  const entries = definedEntries(value);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, width)}`).join(',\n')}\n${indent}}`;
}

// Objects keep their undefined members out, as JSON.stringify does.
const definedEntries = (value: object): [string, unknown][] => Object.entries(value).filter(([, v]) => v !== undefined);

// One line with a space after each colon and comma, the way people write short JSON.
function oneLine(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  return `{${definedEntries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`)
    .join(', ')}}`;
}
