// extism-pdk/json.ts: just enough JSON for the extism-* plugins: quoting, and reading the value of
// a key out of a document the host wrote. Not a parser: it trusts the host's JSON.stringify output.

/** `text` as a JSON string literal. */
export function quote(text: string): string {
  let out = "\"";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c == 0x22) out += "\\\"";
    else if (c == 0x5c) out += "\\\\";
    else if (c == 0x0a) out += "\\n";
    else if (c < 0x20) out += "\\u00" + (c < 0x10 ? "0" : "") + c.toString(16);
    else out += String.fromCharCode(c);
  }
  return out + "\"";
}

function skipString(json: string, at: i32): i32 {
  let i = at + 1;
  while (i < json.length) {
    const c = json.charCodeAt(i);
    if (c == 0x5c) i += 2;
    else if (c == 0x22) return i + 1;
    else i++;
  }
  return i;
}

/** The raw JSON text of `key`'s value, or "" when the key is absent. */
export function field(json: string, key: string): string {
  const needle = quote(key) + ":";
  const at = json.indexOf(needle);
  if (at < 0) return "";
  let start = at + needle.length;
  while (start < json.length && json.charCodeAt(start) == 0x20) start++;
  const first = json.charCodeAt(start);
  if (first == 0x22) return json.substring(start, skipString(json, start));
  let depth = 0;
  let i = start;
  while (i < json.length) {
    const c = json.charCodeAt(i);
    if (c == 0x22) { i = skipString(json, i); continue; }
    if (c == 0x7b || c == 0x5b) depth++;
    else if (c == 0x7d || c == 0x5d) { if (depth == 0) break; depth--; }
    else if (c == 0x2c && depth == 0) break;
    i++;
    if (depth == 0 && (c == 0x7d || c == 0x5d)) break;
  }
  return json.substring(start, i);
}

/** The string value of `key` ("" when absent or not a string); handles \" \\ \n \/ escapes. */
export function stringField(json: string, key: string): string {
  const raw = field(json, key);
  if (raw.length < 2 || raw.charCodeAt(0) != 0x22) return "";
  let out = "";
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw.charCodeAt(i);
    if (c == 0x5c && i + 1 < raw.length - 1) {
      const e = raw.charCodeAt(++i);
      out += e == 0x6e ? "\n" : String.fromCharCode(e);
    } else out += String.fromCharCode(c);
  }
  return out;
}

/** True when `key` is the literal true. */
export function isTrue(json: string, key: string): bool {
  return field(json, key) == "true";
}

/** True when `json` looks like one JSON object. */
export function isObject(json: string): bool {
  const text = json.trim();
  return text.length >= 2 && text.charCodeAt(0) == 0x7b && text.charCodeAt(text.length - 1) == 0x7d;
}
