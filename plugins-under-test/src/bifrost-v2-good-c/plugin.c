/*
 * bifrost-v2-good-c: a conforming bifrost-v2 plugin written in C (wasm32-wasi reactor).
 *
 * ABI (seed 001 + spec-decisions "bifrost-v1 and bifrost-v2"):
 *   malloc(size) -> ptr             allocation for the host (libc malloc)
 *   free(ptr, size)                 frees a block from malloc or a hook/get_name output; ignores ptr 0
 *   get_name() -> u64               (ptr << 32) | len of a malloc'd "bifrost-v2-good-c"
 *   init(ptr, len) -> i32           keeps a copy of the config, 0 = success
 *   http_pre_hook, http_post_hook, http_stream_chunk_hook, pre_hook, post_hook
 *                   (ptr, len) -> u64   JSON in, malloc'd JSON envelope out
 *   cleanup() -> i32                0 = success
 *
 * Every hook copies the top-level "context" object of its input into its output envelope and
 * otherwise passes everything through unchanged. Inputs are validated with a small iterative JSON
 * scanner (no recursion, nesting limited to 10000 like Go's encoding/json), so no input bytes can
 * make the plugin trap or read/write out of bounds. Bytes copied from the input are re-encoded so
 * that invalid UTF-8 becomes U+FFFD, as Go's JSON decoding would do, keeping the output valid UTF-8.
 *
 * Only libc's malloc/free/memcpy are used: no stdio, so the module needs next to no WASI imports.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name)))

/* ------------------------------------------------------------------------------------------ */
/* Memory                                                                                      */
/* ------------------------------------------------------------------------------------------ */

EXPORT("malloc") uint32_t plug_malloc(uint32_t size) {
    return (uint32_t)(uintptr_t)malloc((size_t)size);
}

EXPORT("free") void plug_free(uint32_t ptr, uint32_t size) {
    (void)size; /* libc free does not need it */
    if (ptr == 0) return;
    free((void *)(uintptr_t)ptr);
}

/* True when [ptr, ptr+len) lies inside linear memory. */
static int in_bounds(uint32_t ptr, uint32_t len) {
    uint64_t mem = (uint64_t)__builtin_wasm_memory_size(0) * 65536u;
    return (uint64_t)ptr + (uint64_t)len <= mem;
}

static uint64_t pack(const void *p, uint32_t len) {
    return ((uint64_t)(uint32_t)(uintptr_t)p << 32) | (uint64_t)len;
}

/* ------------------------------------------------------------------------------------------ */
/* JSON scanning                                                                              */
/* ------------------------------------------------------------------------------------------ */

#define MAX_DEPTH 10000u
static uint8_t nest_stack[MAX_DEPTH];

static uint32_t skip_ws(const uint8_t *p, uint32_t n, uint32_t i) {
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')) i++;
    return i;
}

static int is_hex(uint8_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int hex_val(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

/* *pos is at the opening quote; on success *pos is just past the closing quote. */
static int scan_string(const uint8_t *p, uint32_t n, uint32_t *pos) {
    uint32_t i = *pos;
    if (i >= n || p[i] != '"') return -1;
    i++;
    while (i < n) {
        uint8_t c = p[i];
        if (c == '"') { *pos = i + 1; return 0; }
        if (c < 0x20) return -1;
        if (c == '\\') {
            i++;
            if (i >= n) return -1;
            c = p[i];
            if (c == 'u') {
                if (n - i <= 4) return -1;
                if (!is_hex(p[i + 1]) || !is_hex(p[i + 2]) || !is_hex(p[i + 3]) || !is_hex(p[i + 4]))
                    return -1;
                i += 5;
                continue;
            }
            if (c != '"' && c != '\\' && c != '/' && c != 'b' && c != 'f' && c != 'n' && c != 'r' &&
                c != 't')
                return -1;
        }
        i++;
    }
    return -1;
}

static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

static int scan_number(const uint8_t *p, uint32_t n, uint32_t *pos) {
    uint32_t i = *pos;
    if (i < n && p[i] == '-') i++;
    if (i >= n) return -1;
    if (p[i] == '0') {
        i++;
    } else if (p[i] >= '1' && p[i] <= '9') {
        while (i < n && is_digit(p[i])) i++;
    } else {
        return -1;
    }
    if (i < n && p[i] == '.') {
        i++;
        if (i >= n || !is_digit(p[i])) return -1;
        while (i < n && is_digit(p[i])) i++;
    }
    if (i < n && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < n && (p[i] == '+' || p[i] == '-')) i++;
        if (i >= n || !is_digit(p[i])) return -1;
        while (i < n && is_digit(p[i])) i++;
    }
    *pos = i;
    return 0;
}

static int scan_literal(const uint8_t *p, uint32_t n, uint32_t *pos, const char *lit, uint32_t len) {
    uint32_t i = *pos;
    if (n - i < len) return -1;
    if (memcmp(p + i, lit, len) != 0) return -1;
    *pos = i + len;
    return 0;
}

/* Whitespace, a string key, whitespace, ':'. */
static int scan_key_colon(const uint8_t *p, uint32_t n, uint32_t *pos) {
    uint32_t i = skip_ws(p, n, *pos);
    if (scan_string(p, n, &i)) return -1;
    i = skip_ws(p, n, i);
    if (i >= n || p[i] != ':') return -1;
    *pos = i + 1;
    return 0;
}

/*
 * Skips one complete JSON value starting at *pos (leading whitespace allowed). Iterative, so
 * deeply nested input cannot exhaust the C stack. On success *pos is just past the value.
 */
static int scan_value(const uint8_t *p, uint32_t n, uint32_t *pos) {
    uint32_t i = *pos;
    uint32_t depth = 0;
    for (;;) {
        i = skip_ws(p, n, i);
        if (i >= n) return -1;
        uint8_t c = p[i];
        if (c == '{' || c == '[') {
            if (depth >= MAX_DEPTH) return -1;
            nest_stack[depth++] = c;
            i = skip_ws(p, n, i + 1);
            if (i >= n) return -1;
            if (p[i] == (c == '{' ? '}' : ']')) {
                i++;
                depth--;
            } else {
                if (c == '{' && scan_key_colon(p, n, &i)) return -1;
                continue; /* parse the first member / element */
            }
        } else if (c == '"') {
            if (scan_string(p, n, &i)) return -1;
        } else if (c == '-' || is_digit(c)) {
            if (scan_number(p, n, &i)) return -1;
        } else if (c == 't') {
            if (scan_literal(p, n, &i, "true", 4)) return -1;
        } else if (c == 'f') {
            if (scan_literal(p, n, &i, "false", 5)) return -1;
        } else if (c == 'n') {
            if (scan_literal(p, n, &i, "null", 4)) return -1;
        } else {
            return -1;
        }
        /* A value just ended: close containers or move to the next member / element. */
        for (;;) {
            if (depth == 0) { *pos = i; return 0; }
            i = skip_ws(p, n, i);
            if (i >= n) return -1;
            uint8_t top = nest_stack[depth - 1];
            if (p[i] == ',') {
                i++;
                if (top == '{' && scan_key_colon(p, n, &i)) return -1;
                break;
            }
            if (p[i] == (top == '{' ? '}' : ']')) {
                i++;
                depth--;
                continue;
            }
            return -1;
        }
    }
}

/*
 * Compares the raw JSON string token p[s..e) (quotes included) with an ASCII lower-case name,
 * after unescaping and ignoring ASCII case: Go's encoding/json matches field names this way.
 */
static int key_matches(const uint8_t *p, uint32_t s, uint32_t e, const char *name) {
    uint32_t i = s + 1, end = e - 1, k = 0;
    while (i < end) {
        uint32_t ch = p[i];
        if (ch == '\\') {
            uint8_t esc = p[i + 1];
            if (esc == 'u') {
                ch = (uint32_t)(hex_val(p[i + 2]) << 12 | hex_val(p[i + 3]) << 8 |
                                hex_val(p[i + 4]) << 4 | hex_val(p[i + 5]));
                i += 6;
            } else {
                switch (esc) {
                case 'b': ch = '\b'; break;
                case 'f': ch = '\f'; break;
                case 'n': ch = '\n'; break;
                case 'r': ch = '\r'; break;
                case 't': ch = '\t'; break;
                default: ch = esc; break; /* " \ / */
                }
                i += 2;
            }
        } else {
            i++;
        }
        if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
        if (name[k] == 0 || (uint32_t)(uint8_t)name[k] != ch) return 0;
        k++;
    }
    return name[k] == 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Input decoding                                                                              */
/* ------------------------------------------------------------------------------------------ */

enum kind { K_OBJECT, K_BOOL };

typedef struct {
    const char *name; /* lower-case JSON key */
    enum kind kind;   /* required type; null is always accepted, as in Go */
} field_spec;

typedef struct {
    uint32_t start, end; /* value slice, valid when present */
    int present;
} field_val;

#define MAX_FIELDS 4

typedef struct {
    const char *error;           /* NULL when the input is fine */
    field_val f[MAX_FIELDS];     /* same order as the spec */
} decoded;

static char type_error_buf[96];

static const char *type_error(const char *name, enum kind kind) {
    static const char pre[] = "invalid input: field ";
    const char *post = kind == K_OBJECT ? " must be an object" : " must be a boolean";
    size_t o = 0;
    memcpy(type_error_buf, pre, sizeof pre - 1);
    o += sizeof pre - 1;
    size_t nl = strlen(name), pl = strlen(post);
    if (o + nl + pl + 1 > sizeof type_error_buf) return "invalid input: wrong field type";
    memcpy(type_error_buf + o, name, nl);
    o += nl;
    memcpy(type_error_buf + o, post, pl);
    o += pl;
    type_error_buf[o] = 0;
    return type_error_buf;
}

static int kind_ok(uint8_t first, enum kind kind) {
    if (first == 'n') return 1; /* null */
    if (kind == K_OBJECT) return first == '{';
    return first == 't' || first == 'f';
}

static void decode(const uint8_t *p, uint32_t n, const field_spec *spec, uint32_t nspec, decoded *out) {
    memset(out, 0, sizeof *out);
    uint32_t i = skip_ws(p, n, 0);
    if (i >= n) { out->error = "no input data"; return; }
    uint32_t vs = i;
    if (scan_value(p, n, &i) || skip_ws(p, n, i) != n) {
        out->error = "invalid input: malformed JSON";
        return;
    }
    if (p[vs] != '{') { out->error = "no input data"; return; }

    /* Walk the top-level members; the document is known to be well formed. */
    i = skip_ws(p, n, vs + 1);
    if (p[i] == '}') return;
    for (;;) {
        uint32_t ks = skip_ws(p, n, i);
        uint32_t ke = ks;
        if (scan_string(p, n, &ke)) { out->error = "invalid input: malformed JSON"; return; }
        i = skip_ws(p, n, ke) + 1; /* past ':' */
        uint32_t s = skip_ws(p, n, i);
        uint32_t e = s;
        if (scan_value(p, n, &e)) { out->error = "invalid input: malformed JSON"; return; }
        for (uint32_t k = 0; k < nspec; k++) {
            if (key_matches(p, ks, ke, spec[k].name)) { /* the last occurrence wins, as in Go */
                out->f[k].start = s;
                out->f[k].end = e;
                out->f[k].present = 1;
            }
        }
        i = skip_ws(p, n, e);
        if (i >= n || p[i] != ',') break;
        i++;
    }
    for (uint32_t k = 0; k < nspec; k++) {
        if (out->f[k].present && !kind_ok(p[out->f[k].start], spec[k].kind)) {
            out->error = type_error(spec[k].name, spec[k].kind);
            return;
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Output building                                                                             */
/* ------------------------------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at p[i], or 0 when the byte starts an invalid one. */
static uint32_t utf8_seq(const uint8_t *p, uint32_t n, uint32_t i) {
    uint8_t c = p[i];
    uint32_t left = n - i;
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return (left >= 2 && (p[i + 1] & 0xC0) == 0x80) ? 2 : 0;
    if (c < 0xF0) {
        if (left < 3) return 0;
        uint8_t c1 = p[i + 1], c2 = p[i + 2];
        if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && c1 < 0xA0) return 0; /* overlong */
        if (c == 0xED && c1 >= 0xA0) return 0; /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (left < 4) return 0;
        uint8_t c1 = p[i + 1], c2 = p[i + 2], c3 = p[i + 3];
        if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && c1 < 0x90) return 0; /* overlong */
        if (c == 0xF4 && c1 >= 0x90) return 0; /* > U+10FFFF */
        return 4;
    }
    return 0;
}

/* A piece of output: either literal bytes, or a slice of the input copied as sanitized UTF-8. */
typedef struct {
    const uint8_t *p;
    uint32_t len;
    int from_input;
} piece;

static uint64_t piece_len(const piece *pc) {
    if (!pc->from_input) return pc->len;
    uint64_t out = 0;
    uint32_t i = 0;
    while (i < pc->len) {
        uint32_t l = utf8_seq(pc->p, pc->len, i);
        if (l) { out += l; i += l; } else { out += 3; i++; }
    }
    return out;
}

static uint8_t *piece_write(uint8_t *dst, const piece *pc) {
    if (!pc->from_input) {
        memcpy(dst, pc->p, pc->len);
        return dst + pc->len;
    }
    uint32_t i = 0;
    while (i < pc->len) {
        uint32_t l = utf8_seq(pc->p, pc->len, i);
        if (l) {
            memcpy(dst, pc->p + i, l);
            dst += l;
            i += l;
        } else {
            *dst++ = 0xEF; *dst++ = 0xBF; *dst++ = 0xBD; /* U+FFFD */
            i++;
        }
    }
    return dst;
}

#define LIT(s) ((piece){(const uint8_t *)(s), (uint32_t)(sizeof(s) - 1), 0})
#define STR(s) ((piece){(const uint8_t *)(s), (uint32_t)strlen(s), 0})

static uint64_t emit(const piece *pcs, uint32_t count) {
    uint64_t total = 0;
    for (uint32_t k = 0; k < count; k++) total += piece_len(&pcs[k]);
    if (total > 0x7FFFFFFFu) return 0;
    uint8_t *buf = malloc((size_t)total);
    if (!buf) return 0;
    uint8_t *w = buf;
    for (uint32_t k = 0; k < count; k++) w = piece_write(w, &pcs[k]);
    return pack(buf, (uint32_t)total);
}

/* ------------------------------------------------------------------------------------------ */
/* Hooks                                                                                       */
/* ------------------------------------------------------------------------------------------ */

enum hook { H_HTTP_PRE, H_HTTP_POST, H_STREAM, H_PRE, H_POST };

/* Field 0 is always "context". */
static const field_spec SPEC_HTTP_PRE[] = {{"context", K_OBJECT}, {"request", K_OBJECT}};
static const field_spec SPEC_HTTP_POST[] = {
    {"context", K_OBJECT}, {"request", K_OBJECT}, {"response", K_OBJECT}};
static const field_spec SPEC_STREAM[] = {
    {"context", K_OBJECT}, {"request", K_OBJECT}, {"chunk", K_OBJECT}};
static const field_spec SPEC_PRE[] = {{"context", K_OBJECT}, {"request", K_OBJECT}};
static const field_spec SPEC_POST[] = {
    {"context", K_OBJECT}, {"response", K_OBJECT}, {"error", K_OBJECT}, {"has_error", K_BOOL}};

#define COUNT(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))

static uint64_t run_hook(enum hook h, uint32_t ptr, uint32_t len) {
    const field_spec *spec;
    uint32_t nspec;
    switch (h) {
    case H_HTTP_PRE: spec = SPEC_HTTP_PRE; nspec = COUNT(SPEC_HTTP_PRE); break;
    case H_HTTP_POST: spec = SPEC_HTTP_POST; nspec = COUNT(SPEC_HTTP_POST); break;
    case H_STREAM: spec = SPEC_STREAM; nspec = COUNT(SPEC_STREAM); break;
    case H_PRE: spec = SPEC_PRE; nspec = COUNT(SPEC_PRE); break;
    default: spec = SPEC_POST; nspec = COUNT(SPEC_POST); break;
    }

    decoded d;
    const uint8_t *p = (const uint8_t *)(uintptr_t)ptr;
    if (len == 0) {
        memset(&d, 0, sizeof d);
        d.error = "no input data";
    } else if (!in_bounds(ptr, len)) {
        memset(&d, 0, sizeof d);
        d.error = "invalid input: buffer out of bounds";
    } else {
        decode(p, len, spec, nspec, &d);
    }

    /* Context: the input's object verbatim, or {} when absent, null or unusable. */
    piece ctx = LIT("{}");
    if (!d.error && d.f[0].present && p[d.f[0].start] == '{')
        ctx = (piece){p + d.f[0].start, d.f[0].end - d.f[0].start, 1};
    piece err = STR(d.error ? d.error : "");

    switch (h) {
    case H_HTTP_PRE: {
        piece pcs[] = {LIT("{\"context\":"), ctx,
                       LIT(",\"request\":null,\"response\":null,\"has_response\":false,\"error\":\""),
                       err, LIT("\"}")};
        return emit(pcs, COUNT(pcs));
    }
    case H_HTTP_POST: {
        piece pcs[] = {LIT("{\"context\":"), ctx, LIT(",\"error\":\""), err, LIT("\"}")};
        return emit(pcs, COUNT(pcs));
    }
    case H_STREAM: {
        int has_chunk = !d.error && d.f[2].present && p[d.f[2].start] == '{';
        piece chunk = has_chunk ? (piece){p + d.f[2].start, d.f[2].end - d.f[2].start, 1}
                                : LIT("null");
        piece pcs[] = {LIT("{\"context\":"), ctx, LIT(",\"chunk\":"), chunk,
                       has_chunk ? LIT(",\"has_chunk\":true") : LIT(",\"has_chunk\":false"),
                       LIT(",\"skip\":false,\"error\":\""), err, LIT("\"}")};
        return emit(pcs, COUNT(pcs));
    }
    case H_PRE: {
        piece pcs[] = {
            LIT("{\"context\":"), ctx,
            LIT(",\"request\":null,\"short_circuit\":null,\"has_short_circuit\":false,\"error\":\""),
            err, LIT("\"}")};
        return emit(pcs, COUNT(pcs));
    }
    default: {
        piece pcs[] = {LIT("{\"context\":"), ctx,
                       LIT(",\"response\":null,\"error\":null,\"has_error\":false,\"hook_error\":\""),
                       err, LIT("\"}")};
        return emit(pcs, COUNT(pcs));
    }
    }
}

EXPORT("http_pre_hook") uint64_t plug_http_pre_hook(uint32_t ptr, uint32_t len) {
    return run_hook(H_HTTP_PRE, ptr, len);
}
EXPORT("http_post_hook") uint64_t plug_http_post_hook(uint32_t ptr, uint32_t len) {
    return run_hook(H_HTTP_POST, ptr, len);
}
EXPORT("http_stream_chunk_hook") uint64_t plug_http_stream_chunk_hook(uint32_t ptr, uint32_t len) {
    return run_hook(H_STREAM, ptr, len);
}
EXPORT("pre_hook") uint64_t plug_pre_hook(uint32_t ptr, uint32_t len) {
    return run_hook(H_PRE, ptr, len);
}
EXPORT("post_hook") uint64_t plug_post_hook(uint32_t ptr, uint32_t len) {
    return run_hook(H_POST, ptr, len);
}

/* ------------------------------------------------------------------------------------------ */
/* Lifecycle                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static const char NAME[] = "bifrost-v2-good-c";
static uint8_t *config;
static uint32_t config_len;

EXPORT("get_name") uint64_t plug_get_name(void) {
    /* malloc'd, so a host that frees the name with free(ptr, size) is fine too */
    uint8_t *buf = malloc(sizeof NAME - 1);
    if (!buf) return 0;
    memcpy(buf, NAME, sizeof NAME - 1);
    return pack(buf, sizeof NAME - 1);
}

EXPORT("init") int32_t plug_init(uint32_t ptr, uint32_t len) {
    free(config);
    config = NULL;
    config_len = 0;
    if (len == 0) return 0;
    if (!in_bounds(ptr, len)) return 1;
    config = malloc(len);
    if (!config) return 1;
    memcpy(config, (const void *)(uintptr_t)ptr, len);
    config_len = len;
    return 0;
}

EXPORT("cleanup") int32_t plug_cleanup(void) {
    free(config);
    config = NULL;
    config_len = 0;
    return 0;
}
