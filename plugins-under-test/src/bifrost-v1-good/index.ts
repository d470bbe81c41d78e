// bifrost-v1-good: a conforming bifrost-v1 plugin in AssemblyScript.
//
// ABI (seed 000 + spec-decisions "bifrost-v1 and bifrost-v2"):
//   plugin_malloc(size) -> ptr        unmanaged block for the host (heap.alloc)
//   plugin_free(ptr)                  frees a plugin_malloc block or an output block (heap.free)
//   get_name() -> u64                 (ptr << 32) | len of a heap.alloc'd "bifrost-v1-good"
//   init(cfg_ptr, cfg_len) -> i32     0 = success
//   http_transport_intercept(ctx_ptr, ctx_len, req_ptr, req_len) -> u64
//   pre_hook(ctx_ptr, ctx_len, req_ptr, req_len) -> u64
//   post_hook(ctx_ptr, ctx_len, resp_ptr, resp_len, err_ptr, err_len) -> u64
//   cleanup() -> i32                  0 = success
//
// Pass-through behaviour: http_transport_intercept never short-circuits, pre_hook echoes the
// request, post_hook echoes the response. Every input is validated by a small iterative JSON
// scanner (no recursion; nesting limited to 10000 like Go's encoding/json) before anything is
// echoed, so the output is always exactly one JSON document, and no input bytes can make the
// plugin trap. Echoed bytes are re-encoded so that invalid UTF-8 becomes U+FFFD, as Go would do.
//
// Built by scripts/build-plugins.mjs with: asc index.ts -O3 --runtime incremental --use abort=

// ---------------------------------------------------------------------------------------------
// Memory
// ---------------------------------------------------------------------------------------------

// Largest block TLSF can hand out (BLOCK_MAXSIZE is 1 << 30, exclusive), minus headroom.
const MAX_ALLOC: usize = (1 << 30) - 64;

/** Allocates `size` bytes, or returns 0 when that cannot be done (instead of trapping). */
function alloc(size: usize): usize {
  if (size > MAX_ALLOC) return 0;
  // TLSF traps when memory.grow fails: refuse requests that cannot fit in a 4 GiB memory.
  const pagesNeeded = <u64>((size + 0xffff + 64) >>> 16);
  if (<u64>memory.size() + pagesNeeded > 65536) return 0;
  return heap.alloc(size);
}

export function plugin_malloc(size: i32): i32 {
  if (size < 0) return 0;
  return <i32>alloc(<usize>size);
}

export function plugin_free(ptr: i32): void {
  const p = <usize>ptr;
  // Ignore null, static data, misaligned pointers, pointers past memory and already freed
  // blocks: TLSF would trap on them.
  if (p < __heap_base || (p & 15) != 0) return;
  if (<u64>p >= (<u64>memory.size() << 16)) return;
  if ((load<u32>(p - 4) & 1) != 0) return; // FREE bit of the block header
  heap.free(p);
}

function inBounds(ptr: usize, len: usize): bool {
  return <u64>ptr + <u64>len <= (<u64>memory.size() << 16);
}

function pack(ptr: usize, len: usize): u64 {
  return (<u64>ptr << 32) | <u64>len;
}

// ---------------------------------------------------------------------------------------------
// JSON scanning (p = base pointer, n = length, pos = cursor)
// ---------------------------------------------------------------------------------------------

const MAX_DEPTH: u32 = 10000;
const nestStack: usize = memory.data(10000);

let pos: u32 = 0;

function byteAt(p: usize, i: u32): u32 {
  return <u32>load<u8>(p + <usize>i);
}

function skipWs(p: usize, n: u32, i: u32): u32 {
  while (i < n) {
    const c = byteAt(p, i);
    if (c != 0x20 && c != 0x09 && c != 0x0a && c != 0x0d) break;
    i++;
  }
  return i;
}

function isDigit(c: u32): bool {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: u32): bool {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** pos at the opening quote; on success pos is just past the closing quote. */
function scanString(p: usize, n: u32): bool {
  let i = pos;
  if (i >= n || byteAt(p, i) != 0x22) return false;
  i++;
  while (i < n) {
    let c = byteAt(p, i);
    if (c == 0x22) {
      pos = i + 1;
      return true;
    }
    if (c < 0x20) return false;
    if (c == 0x5c) {
      i++;
      if (i >= n) return false;
      c = byteAt(p, i);
      if (c == 0x75) { // \uXXXX
        if (n - i <= 4) return false;
        if (!isHex(byteAt(p, i + 1)) || !isHex(byteAt(p, i + 2)) ||
            !isHex(byteAt(p, i + 3)) || !isHex(byteAt(p, i + 4))) return false;
        i += 5;
        continue;
      }
      // " \ / b f n r t
      if (c != 0x22 && c != 0x5c && c != 0x2f && c != 0x62 && c != 0x66 &&
          c != 0x6e && c != 0x72 && c != 0x74) return false;
    }
    i++;
  }
  return false;
}

function scanNumber(p: usize, n: u32): bool {
  let i = pos;
  if (i < n && byteAt(p, i) == 0x2d) i++; // -
  if (i >= n) return false;
  const c = byteAt(p, i);
  if (c == 0x30) {
    i++;
  } else if (c >= 0x31 && c <= 0x39) {
    while (i < n && isDigit(byteAt(p, i))) i++;
  } else {
    return false;
  }
  if (i < n && byteAt(p, i) == 0x2e) { // .
    i++;
    if (i >= n || !isDigit(byteAt(p, i))) return false;
    while (i < n && isDigit(byteAt(p, i))) i++;
  }
  if (i < n && (byteAt(p, i) | 0x20) == 0x65) { // e E
    i++;
    if (i < n && (byteAt(p, i) == 0x2b || byteAt(p, i) == 0x2d)) i++;
    if (i >= n || !isDigit(byteAt(p, i))) return false;
    while (i < n && isDigit(byteAt(p, i))) i++;
  }
  pos = i;
  return true;
}

function scanLiteral(p: usize, n: u32, lit: string): bool {
  const len = <u32>lit.length;
  if (n - pos < len) return false;
  for (let k: u32 = 0; k < len; k++) {
    if (byteAt(p, pos + k) != <u32>lit.charCodeAt(<i32>k)) return false;
  }
  pos += len;
  return true;
}

/** Whitespace, a string key, whitespace, ':'. */
function scanKeyColon(p: usize, n: u32): bool {
  pos = skipWs(p, n, pos);
  if (!scanString(p, n)) return false;
  pos = skipWs(p, n, pos);
  if (pos >= n || byteAt(p, pos) != 0x3a) return false;
  pos++;
  return true;
}

/** Skips one complete JSON value at pos (leading whitespace allowed). Iterative. */
function scanValue(p: usize, n: u32): bool {
  let depth: u32 = 0;
  while (true) {
    pos = skipWs(p, n, pos);
    if (pos >= n) return false;
    const c = byteAt(p, pos);
    if (c == 0x7b || c == 0x5b) { // { [
      if (depth >= MAX_DEPTH) return false;
      store<u8>(nestStack + <usize>depth, <u8>c);
      depth++;
      pos = skipWs(p, n, pos + 1);
      if (pos >= n) return false;
      if (byteAt(p, pos) == c + 2) { // } is { + 2, ] is [ + 2
        pos++;
        depth--;
      } else {
        if (c == 0x7b && !scanKeyColon(p, n)) return false;
        continue;
      }
    } else if (c == 0x22) {
      if (!scanString(p, n)) return false;
    } else if (c == 0x2d || isDigit(c)) {
      if (!scanNumber(p, n)) return false;
    } else if (c == 0x74) {
      if (!scanLiteral(p, n, "true")) return false;
    } else if (c == 0x66) {
      if (!scanLiteral(p, n, "false")) return false;
    } else if (c == 0x6e) {
      if (!scanLiteral(p, n, "null")) return false;
    } else {
      return false;
    }
    // A value just ended: close containers or move on to the next member / element.
    while (true) {
      if (depth == 0) return true;
      pos = skipWs(p, n, pos);
      if (pos >= n) return false;
      const top = <u32>load<u8>(nestStack + <usize>(depth - 1));
      const d = byteAt(p, pos);
      if (d == 0x2c) { // ,
        pos++;
        if (top == 0x7b && !scanKeyColon(p, n)) return false;
        break;
      }
      if (d == top + 2) {
        pos++;
        depth--;
        continue;
      }
      return false;
    }
  }
  return false;
}

// Result of checking one input: 0 ok, or why not. On success valStart/valEnd is the value slice.
const IN_OK: i32 = 0;
const IN_EMPTY: i32 = 1;
const IN_MALFORMED: i32 = 2;
const IN_OUT_OF_BOUNDS: i32 = 3;

let valStart: u32 = 0;
let valEnd: u32 = 0;

/** Checks that [p, p+n) holds exactly one JSON value surrounded by optional whitespace. */
function checkInput(p: usize, n: u32): i32 {
  if (n == 0) return IN_EMPTY;
  if (!inBounds(p, <usize>n)) return IN_OUT_OF_BOUNDS;
  const s = skipWs(p, n, 0);
  if (s >= n) return IN_EMPTY;
  pos = s;
  if (!scanValue(p, n)) return IN_MALFORMED;
  const e = pos;
  if (skipWs(p, n, e) != n) return IN_MALFORMED;
  valStart = s;
  valEnd = e;
  return IN_OK;
}

/** First byte of the value checked last: '{' for objects, 'n' for null. */
function firstByte(p: usize): u32 {
  return byteAt(p, valStart);
}

// ---------------------------------------------------------------------------------------------
// Output building
// ---------------------------------------------------------------------------------------------

/** Length of the valid UTF-8 sequence at p[i], or 0 when p[i] starts an invalid one. */
function utf8Seq(p: usize, n: u32, i: u32): u32 {
  const c = byteAt(p, i);
  const left = n - i;
  if (c < 0x80) return 1;
  if (c < 0xc2) return 0;
  if (c < 0xe0) return left >= 2 && (byteAt(p, i + 1) & 0xc0) == 0x80 ? 2 : 0;
  if (c < 0xf0) {
    if (left < 3) return 0;
    const c1 = byteAt(p, i + 1), c2 = byteAt(p, i + 2);
    if ((c1 & 0xc0) != 0x80 || (c2 & 0xc0) != 0x80) return 0;
    if (c == 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c == 0xed && c1 >= 0xa0) return 0; // surrogate
    return 3;
  }
  if (c < 0xf5) {
    if (left < 4) return 0;
    const c1 = byteAt(p, i + 1), c2 = byteAt(p, i + 2), c3 = byteAt(p, i + 3);
    if ((c1 & 0xc0) != 0x80 || (c2 & 0xc0) != 0x80 || (c3 & 0xc0) != 0x80) return 0;
    if (c == 0xf0 && c1 < 0x90) return 0; // overlong
    if (c == 0xf4 && c1 >= 0x90) return 0; // > U+10FFFF
    return 4;
  }
  return 0;
}

/** Output length of the input slice p[s..e) once invalid UTF-8 is replaced by U+FFFD. */
function sliceLen(p: usize, s: u32, e: u32): u64 {
  let out: u64 = 0;
  let i = s;
  while (i < e) {
    const l = utf8Seq(p, e, i);
    if (l != 0) {
      out += l;
      i += l;
    } else {
      out += 3;
      i++;
    }
  }
  return out;
}

function writeSlice(dst: usize, p: usize, s: u32, e: u32): usize {
  let i = s;
  while (i < e) {
    const l = utf8Seq(p, e, i);
    if (l != 0) {
      memory.copy(dst, p + <usize>i, <usize>l);
      dst += <usize>l;
      i += l;
    } else {
      store<u8>(dst, 0xef);
      store<u8>(dst + 1, 0xbf);
      store<u8>(dst + 2, 0xbd);
      dst += 3;
      i++;
    }
  }
  return dst;
}

/** Writes an ASCII string literal. */
function writeAscii(dst: usize, s: string): usize {
  const len = s.length;
  for (let k = 0; k < len; k++) store<u8>(dst + <usize>k, <u8>s.charCodeAt(k));
  return dst + <usize>len;
}

/**
 * Emits head + value + tail, where value is the input slice p[s..e) (sanitized) when `slice`
 * is true, else the ASCII literal `lit`. Returns the packed (ptr, len) of a heap.alloc'd block,
 * or 0 when out of memory.
 */
function emit(head: string, slice: bool, p: usize, s: u32, e: u32, lit: string, tail: string): u64 {
  const valueLen: u64 = slice ? sliceLen(p, s, e) : <u64>lit.length;
  const total: u64 = <u64>head.length + valueLen + <u64>tail.length;
  if (total > <u64>MAX_ALLOC) return 0;
  const buf = alloc(<usize>total);
  if (buf == 0) return 0;
  let w = writeAscii(buf, head);
  w = slice ? writeSlice(w, p, s, e) : writeAscii(w, lit);
  writeAscii(w, tail);
  return pack(buf, <usize>total);
}

function errorText(code: i32, field: string): string {
  if (code == IN_EMPTY) return "no input data";
  if (code == IN_OUT_OF_BOUNDS) return "invalid input: " + field + " buffer out of bounds";
  if (code == IN_MALFORMED) return "invalid input: " + field + " is not valid JSON";
  return "invalid input: " + field + " must be an object";
}

const IN_WRONG_TYPE: i32 = 4;

/**
 * Checks an input that must be a JSON object or null (as Go decodes into a struct pointer).
 * `required`: an empty buffer is an error. Returns IN_OK or an error code.
 */
function checkObject(p: usize, n: u32, required: bool): i32 {
  if (n == 0 && !required) return IN_OK;
  const r = checkInput(p, n);
  if (r != IN_OK) return r;
  const c = firstByte(p);
  return c == 0x7b || c == 0x6e ? IN_OK : IN_WRONG_TYPE;
}

// ---------------------------------------------------------------------------------------------
// Hooks
// ---------------------------------------------------------------------------------------------

export function http_transport_intercept(ctxPtr: i32, ctxLen: i32, reqPtr: i32, reqLen: i32): u64 {
  let r = checkObject(<usize>ctxPtr, <u32>ctxLen, false);
  let field = "context";
  if (r == IN_OK) {
    r = checkObject(<usize>reqPtr, <u32>reqLen, true);
    field = "request";
  }
  if (r != IN_OK) {
    return emit("{\"response\":null,\"error\":\"", false, 0, 0, 0, errorText(r, field), "\"}");
  }
  return emit("{\"response\":null,\"error\":\"", false, 0, 0, 0, "", "\"}");
}

export function pre_hook(ctxPtr: i32, ctxLen: i32, reqPtr: i32, reqLen: i32): u64 {
  let r = checkObject(<usize>ctxPtr, <u32>ctxLen, false);
  let field = "context";
  if (r == IN_OK) {
    r = checkObject(<usize>reqPtr, <u32>reqLen, true);
    field = "request";
  }
  if (r != IN_OK) {
    return emit(
      "{\"request\":null,\"short_circuit\":null,\"error\":\"", false, 0, 0, 0, errorText(r, field), "\"}",
    );
  }
  // checkObject(req) ran last, so valStart/valEnd is the request value.
  return emit(
    "{\"request\":", true, <usize>reqPtr, valStart, valEnd, "",
    ",\"short_circuit\":null,\"error\":\"\"}",
  );
}

export function post_hook(
  ctxPtr: i32, ctxLen: i32, respPtr: i32, respLen: i32, errPtr: i32, errLen: i32,
): u64 {
  let r = checkObject(<usize>ctxPtr, <u32>ctxLen, false);
  let field = "context";
  if (r == IN_OK) {
    r = checkObject(<usize>errPtr, <u32>errLen, false);
    field = "error";
  }
  if (r == IN_OK) {
    r = checkObject(<usize>respPtr, <u32>respLen, true);
    field = "response";
  }
  if (r != IN_OK) {
    return emit(
      "{\"response\":null,\"bifrost_error\":null,\"error\":\"", false, 0, 0, 0, errorText(r, field), "\"}",
    );
  }
  // checkObject(resp) ran last, so valStart/valEnd is the response value.
  return emit(
    "{\"response\":", true, <usize>respPtr, valStart, valEnd, "",
    ",\"bifrost_error\":null,\"error\":\"\"}",
  );
}

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

let configPtr: usize = 0;
let configLen: u32 = 0;

function dropConfig(): void {
  if (configPtr != 0) heap.free(configPtr);
  configPtr = 0;
  configLen = 0;
}

export function get_name(): u64 {
  // heap.alloc'd, so a host that frees the name with plugin_free is fine too.
  return emit("bifrost-v1-good", false, 0, 0, 0, "", "");
}

export function init(cfgPtr: i32, cfgLen: i32): i32 {
  dropConfig();
  if (cfgLen == 0) return 0;
  const len = <u32>cfgLen;
  if (!inBounds(<usize>cfgPtr, <usize>len)) return 1;
  const buf = alloc(<usize>len);
  if (buf == 0) return 1;
  memory.copy(buf, <usize>cfgPtr, <usize>len);
  configPtr = buf;
  configLen = len;
  return 0;
}

export function cleanup(): i32 {
  dropConfig();
  return 0;
}
