// bifrost-v2-gc-garbage-as: a copy of bifrost-v2-good-as/index.ts built with the minimal runtime (asconfig.json,
// build.sh), whose GC runs only when the host calls the exported `__collect`, that makes garbage on every call,
// managed objects nothing keeps (marked GARBAGE), and leaks nothing: the garbage is the collector's. plugcheck calls
// `__collect` before each memory sample, so memory.leak-per-call must pass; without that collection the
// garbage is still on the heap when the sample is taken, and the host's blocks are pushed up past it.

// ---------- memory the host manages ----------

const MAX_BLOCK: usize = (1 << 30) - 64; // TLSF refuses (traps on) anything larger

export function malloc(size: usize): usize {
  if (size > MAX_BLOCK) return 0;
  return heap.alloc(size);
}

export function free(ptr: usize): void {
  // Ignore what malloc never returned: 0, the name (kept for the instance's life), stray pointers.
  // heap.free itself ignores static data below __heap_base.
  if (ptr == 0 || ptr == namePtr || (ptr & 15) != 0 || <u64>ptr >= (<u64>memory.size() << 16)) return;
  heap.free(ptr);
}

function inBounds(ptr: usize, len: usize): bool {
  return <u64>ptr + <u64>len <= (<u64>memory.size() << 16);
}

function pack(ptr: usize, len: usize): u64 {
  return (<u64>ptr << 32) | <u64>len;
}

// ---------- name, init, cleanup ----------

const NAME = "bifrost-v2-good-as";
let namePtr: usize = 0;
let nameLen: usize = 0;

export function get_name(): u64 {
  if (namePtr == 0) {
    // encoded once and kept: whether or not the host frees it, nothing leaks or breaks
    nameLen = <usize>String.UTF8.byteLength(NAME);
    namePtr = heap.alloc(nameLen);
    String.UTF8.encodeUnsafe(changetype<usize>(NAME), NAME.length, namePtr, false);
  }
  return pack(namePtr, nameLen);
}

let configPtr: usize = 0;
let configLen: usize = 0;

function releaseConfig(): void {
  if (configPtr != 0) heap.free(configPtr);
  configPtr = 0;
  configLen = 0;
}

export function init(ptr: usize, len: usize): i32 {
  releaseConfig();
  if (len == 0) return 0; // no config
  if (!inBounds(ptr, len) || len > MAX_BLOCK) return 1;
  configPtr = heap.alloc(len);
  memory.copy(configPtr, ptr, len);
  configLen = len;
  return 0;
}

export function cleanup(): i32 {
  releaseConfig();
  return 0;
}

// ---------- a small JSON scanner over raw UTF-8 bytes ----------
// Positions are addresses; FAIL means "not valid JSON here".

const FAIL: usize = <usize>-1;
const MAX_DEPTH: i32 = 10000; // Go's encoding/json nesting limit
const STACK = memory.data(MAX_DEPTH); // open brackets of the value being skipped

@inline function isBlank(c: u32): bool {
  return c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d;
}

function skipBlanks(p: usize, end: usize): usize {
  while (p < end && isBlank(<u32>load<u8>(p))) p++;
  return p;
}

function hexValue(c: u32): i32 {
  if (c >= 0x30 && c <= 0x39) return <i32>(c - 0x30);
  c |= 0x20; // lower case
  if (c >= 0x61 && c <= 0x66) return <i32>(c - 0x61 + 10);
  return -1;
}

/** Length of the valid UTF-8 sequence (2 to 4 bytes) starting with a non-ASCII byte at p, or 0. */
function utf8Length(p: usize, end: usize): usize {
  const c = <u32>load<u8>(p);
  let n: usize;
  let cp: u32;
  if (c >= 0xc2 && c <= 0xdf) { n = 2; cp = c & 0x1f; }
  else if (c >= 0xe0 && c <= 0xef) { n = 3; cp = c & 0x0f; }
  else if (c >= 0xf0 && c <= 0xf4) { n = 4; cp = c & 0x07; }
  else return 0;
  if (end - p < n) return 0;
  for (let i: usize = 1; i < n; i++) {
    const b = <u32>load<u8>(p + i);
    if ((b & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3f);
  }
  // no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF
  if (n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return 0;
  if (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) return 0;
  return n;
}

/** p is at '"'; returns the position after the closing quote. */
function skipString(p: usize, end: usize): usize {
  p++;
  while (p < end) {
    const c = <u32>load<u8>(p);
    if (c == 0x22) return p + 1; // closing quote
    if (c == 0x5c) { // backslash
      if (end - p < 2) return FAIL;
      const e = <u32>load<u8>(p + 1);
      if (e == 0x75) { // \uXXXX
        if (end - p < 6) return FAIL;
        for (let i: usize = 2; i < 6; i++) if (hexValue(<u32>load<u8>(p + i)) < 0) return FAIL;
        p += 6;
      } else if (e == 0x22 || e == 0x5c || e == 0x2f || e == 0x62 || e == 0x66 || e == 0x6e || e == 0x72 || e == 0x74) {
        p += 2;
      } else {
        return FAIL;
      }
    } else if (c < 0x20) {
      return FAIL; // raw control character
    } else if (c < 0x80) {
      p++;
    } else {
      const n = utf8Length(p, end);
      if (n == 0) return FAIL;
      p += n;
    }
  }
  return FAIL; // unterminated
}

function skipDigits(p: usize, end: usize): usize {
  while (p < end) {
    const c = <u32>load<u8>(p);
    if (c < 0x30 || c > 0x39) break;
    p++;
  }
  return p;
}

/** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
function skipNumber(p: usize, end: usize): usize {
  if (load<u8>(p) == 0x2d) p++; // '-'
  if (p >= end) return FAIL;
  const c = <u32>load<u8>(p);
  if (c == 0x30) p++;
  else if (c >= 0x31 && c <= 0x39) p = skipDigits(p, end);
  else return FAIL;
  if (p < end && load<u8>(p) == 0x2e) { // '.'
    const q = skipDigits(p + 1, end);
    if (q == p + 1) return FAIL;
    p = q;
  }
  if (p < end && (load<u8>(p) | 0x20) == 0x65) { // 'e' or 'E'
    p++;
    if (p < end && (load<u8>(p) == 0x2b || load<u8>(p) == 0x2d)) p++;
    const q = skipDigits(p, end);
    if (q == p) return FAIL;
    p = q;
  }
  return p;
}

function skipLiteral(p: usize, end: usize, word: string): usize {
  const n = <usize>word.length;
  if (end - p < n) return FAIL;
  for (let i: usize = 0; i < n; i++) {
    if (<u32>load<u8>(p + i) != <u32>word.charCodeAt(<i32>i)) return FAIL;
  }
  return p + n;
}

/** Skips blanks, a member name and its ':' inside an object. */
function skipMemberName(p: usize, end: usize): usize {
  p = skipBlanks(p, end);
  if (p >= end || load<u8>(p) != 0x22) return FAIL;
  p = skipString(p, end);
  if (p == FAIL) return FAIL;
  p = skipBlanks(p, end);
  if (p >= end || load<u8>(p) != 0x3a) return FAIL; // ':'
  return p + 1;
}

/** Skips blanks and one complete JSON value; returns the position just after it. Iterative. */
function skipValue(p: usize, end: usize): usize {
  let depth: i32 = 0;
  while (true) {
    // a value starts here
    p = skipBlanks(p, end);
    if (p >= end) return FAIL;
    let c = <u32>load<u8>(p);
    if (c == 0x7b || c == 0x5b) { // '{' or '['
      if (depth >= MAX_DEPTH) return FAIL;
      store<u8>(STACK + <usize>depth, <u8>c);
      depth++;
      p = skipBlanks(p + 1, end);
      if (p < end && <u32>load<u8>(p) == c + 2) { // empty: '}' is '{' + 2, ']' is '[' + 2
        p++;
        depth--;
      } else {
        if (c == 0x7b) p = skipMemberName(p, end);
        if (p == FAIL) return FAIL;
        continue; // first element
      }
    } else if (c == 0x22) p = skipString(p, end);
    else if (c == 0x2d || (c >= 0x30 && c <= 0x39)) p = skipNumber(p, end);
    else if (c == 0x74) p = skipLiteral(p, end, "true");
    else if (c == 0x66) p = skipLiteral(p, end, "false");
    else if (c == 0x6e) p = skipLiteral(p, end, "null");
    else return FAIL;
    if (p == FAIL) return FAIL;
    // a value ended at p: close finished containers, or step to the next element
    while (true) {
      if (depth == 0) return p;
      p = skipBlanks(p, end);
      if (p >= end) return FAIL;
      c = <u32>load<u8>(p);
      const open = <u32>load<u8>(STACK + <usize>(depth - 1));
      if (c == open + 2) {
        p++;
        depth--;
        continue;
      }
      if (c != 0x2c) return FAIL; // ','
      p++;
      if (open == 0x7b) {
        p = skipMemberName(p, end);
        if (p == FAIL) return FAIL;
      }
      break;
    }
  }
  return FAIL; // not reached
}

/** Does the raw string body [p, end) (between the quotes, escapes allowed) spell the ASCII name? */
function keyEquals(p: usize, end: usize, name: string): bool {
  const n = name.length;
  let i = 0;
  while (p < end) {
    let c = <u32>load<u8>(p);
    if (c == 0x5c) { // the string was validated, so the escape is complete
      const e = <u32>load<u8>(p + 1);
      if (e == 0x75) {
        c = <u32>((hexValue(<u32>load<u8>(p + 2)) << 12) | (hexValue(<u32>load<u8>(p + 3)) << 8) |
                  (hexValue(<u32>load<u8>(p + 4)) << 4) | hexValue(<u32>load<u8>(p + 5)));
        p += 6;
      } else {
        if (e == 0x62) c = 0x08;
        else if (e == 0x66) c = 0x0c;
        else if (e == 0x6e) c = 0x0a;
        else if (e == 0x72) c = 0x0d;
        else if (e == 0x74) c = 0x09;
        else c = e; // \" \\ \/
        p += 2;
      }
    } else {
      p++; // a non-ASCII byte never matches an ASCII name
    }
    if (i >= n || c != <u32>name.charCodeAt(i)) return false;
    i++;
  }
  return i == n;
}

// ---------- the input's top-level members ----------

const HTTP_PRE_HOOK = 0;
const HTTP_POST_HOOK = 1;
const HTTP_STREAM_CHUNK_HOOK = 2;
const PRE_HOOK = 3;
const POST_HOOK = 4;

const F_CONTEXT = 0;
const F_REQUEST = 1;
const F_RESPONSE = 2;
const F_CHUNK = 3;
const F_ERROR = 4;
const F_HAS_ERROR = 5;
const F_COUNT = 6;
const SLOTS = memory.data(F_COUNT * 8); // per field: start, end of the value's source slice (end 0: absent)

function fieldName(f: i32): string {
  switch (f) {
    case F_CONTEXT: return "context";
    case F_REQUEST: return "request";
    case F_RESPONSE: return "response";
    case F_CHUNK: return "chunk";
    case F_ERROR: return "error";
    default: return "has_error";
  }
}

@inline function slotStart(f: i32): usize { return load<u32>(SLOTS + <usize>(f * 8)); }
@inline function slotEnd(f: i32): usize { return load<u32>(SLOTS + <usize>(f * 8 + 4)); }
function present(f: i32): bool { return slotEnd(f) != 0; }
/** First byte of the field's value: '{', '[', '"', 't', 'f', 'n' or a number; 0 when absent. */
function kindOf(f: i32): u32 { return present(f) ? <u32>load<u8>(slotStart(f)) : 0; }

/** Validates the input as one JSON object and records the slices of the fields above. "" or an error. */
function parseInput(ptr: usize, len: usize): string {
  memory.fill(SLOTS, 0, F_COUNT * 8);
  if (len == 0) return "no input data";
  if (!inBounds(ptr, len)) return "invalid input: buffer outside memory";
  const end = ptr + len;
  let p = skipBlanks(ptr, end);
  if (p >= end || load<u8>(p) != 0x7b) return "invalid input: not a JSON object";
  // the whole document first, as Go's json.Unmarshal does
  const docEnd = skipValue(p, end);
  if (docEnd == FAIL) return "invalid input: malformed JSON";
  if (skipBlanks(docEnd, end) != end) return "invalid input: data after the JSON object";
  // valid, so the walk below cannot fail
  p = skipBlanks(p + 1, end);
  if (load<u8>(p) == 0x7d) return ""; // {}
  while (true) {
    const keyStart = p + 1;
    const keyEnd = skipString(p, end) - 1;
    p = skipBlanks(skipBlanks(keyEnd + 1, end) + 1, end); // past ':'
    const valueEnd = skipValue(p, end);
    for (let f = 0; f < F_COUNT; f++) {
      if (keyEquals(keyStart, keyEnd, fieldName(f))) { // a repeated key: the last one wins, as in Go
        store<u32>(SLOTS + <usize>(f * 8), <u32>p);
        store<u32>(SLOTS + <usize>(f * 8 + 4), <u32>valueEnd);
      }
    }
    p = skipBlanks(valueEnd, end);
    if (load<u8>(p) == 0x7d) return ""; // '}'
    p = skipBlanks(p + 1, end); // past ','
  }
  return ""; // not reached
}

/** The fields each hook decodes, checked for the types Go would accept (null is always accepted). */
function checkTypes(hook: i32): string {
  if (!objectOrNull(F_CONTEXT)) return "invalid input: context must be an object";
  if (hook != POST_HOOK && !objectOrNull(F_REQUEST)) return "invalid input: request must be an object";
  if ((hook == HTTP_POST_HOOK || hook == POST_HOOK) && !objectOrNull(F_RESPONSE)) {
    return "invalid input: response must be an object";
  }
  if (hook == HTTP_STREAM_CHUNK_HOOK && !objectOrNull(F_CHUNK)) return "invalid input: chunk must be an object";
  if (hook == POST_HOOK) {
    if (!objectOrNull(F_ERROR)) return "invalid input: error must be an object";
    const k = kindOf(F_HAS_ERROR);
    if (k != 0 && k != 0x74 && k != 0x66 && k != 0x6e) return "invalid input: has_error must be a boolean";
  }
  return "";
}

function objectOrNull(f: i32): bool {
  const k = kindOf(f);
  return k == 0 || k == 0x7b || k == 0x6e;
}

// ---------- output envelopes ----------

// Two passes over the same writer: first with out == 0 to measure, then into a block of that size.
let out: usize = 0;
let pos: usize = 0;

function putAscii(s: string): void {
  const n = <usize>s.length;
  if (out != 0) for (let i: usize = 0; i < n; i++) store<u8>(out + pos + i, <u8>s.charCodeAt(<i32>i));
  pos += n;
}

/** The field's value verbatim, or `fallback` when it is absent or null. */
function putField(f: i32, fallback: string): void {
  const k = kindOf(f);
  if (k == 0 || k == 0x6e) {
    putAscii(fallback);
    return;
  }
  const n = slotEnd(f) - slotStart(f);
  if (out != 0) memory.copy(out + pos, slotStart(f), n);
  pos += n;
}

/** msg is "" on success, else the error; the error envelope carries an empty context and no chunk. */
function writeEnvelope(hook: i32, msg: string): void {
  const ok = msg.length == 0;
  putAscii('{"context":');
  if (ok) putField(F_CONTEXT, "{}");
  else putAscii("{}");
  if (hook == HTTP_PRE_HOOK) {
    putAscii(',"request":null,"response":null,"has_response":false,"error":"');
  } else if (hook == HTTP_POST_HOOK) {
    putAscii(',"error":"');
  } else if (hook == HTTP_STREAM_CHUNK_HOOK) {
    const hasChunk = ok && kindOf(F_CHUNK) == 0x7b;
    putAscii(',"chunk":');
    if (hasChunk) putField(F_CHUNK, "null");
    else putAscii("null");
    putAscii(hasChunk ? ',"has_chunk":true' : ',"has_chunk":false');
    putAscii(',"skip":false,"error":"');
  } else if (hook == PRE_HOOK) {
    putAscii(',"request":null,"short_circuit":null,"has_short_circuit":false,"error":"');
  } else {
    putAscii(',"response":null,"error":null,"has_error":false,"hook_error":"');
  }
  putAscii(msg); // plain ASCII without quotes or backslashes
  putAscii('"}');
}

function handle(hook: i32, ptr: usize, len: usize): u64 {
  let msg = parseInput(ptr, len);
  if (msg.length == 0) msg = checkTypes(hook);
  out = 0;
  pos = 0;
  writeEnvelope(hook, msg);
  const size = pos;
  makeGarbage(ptr, len); // GARBAGE: dropped before the answer is allocated, so it sits where the last answer was
  out = heap.alloc(size);
  pos = 0;
  writeEnvelope(hook, msg);
  const result = pack(out, size);
  out = 0;
  return result;
}

// ---------- garbage ----------

/** The input decoded into managed strings and arrays that nothing keeps: a few KiB for the GC per call. */
function makeGarbage(ptr: usize, len: usize): void {
  if (len == 0 || !inBounds(ptr, len)) return;
  const text = String.UTF8.decodeUnsafe(ptr, len);
  const parts = text.split(",");
  let joined = "";
  for (let i = 0; i < parts.length; i++) joined += parts[i];
  garbageSeen += joined.length; // keeps the work from being optimised away; the objects themselves are dropped
}

let garbageSeen: i32 = 0;

// ---------- hooks ----------

export function http_pre_hook(ptr: usize, len: usize): u64 {
  return handle(HTTP_PRE_HOOK, ptr, len);
}

export function http_post_hook(ptr: usize, len: usize): u64 {
  return handle(HTTP_POST_HOOK, ptr, len);
}

export function http_stream_chunk_hook(ptr: usize, len: usize): u64 {
  return handle(HTTP_STREAM_CHUNK_HOOK, ptr, len);
}

export function pre_hook(ptr: usize, len: usize): u64 {
  return handle(PRE_HOOK, ptr, len);
}

export function post_hook(ptr: usize, len: usize): u64 {
  return handle(POST_HOOK, ptr, len);
}
