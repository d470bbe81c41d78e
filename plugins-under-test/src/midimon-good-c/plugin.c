/*
 * midimon-good-c: a conforming midimon plugin written in C (wasm32-wasi reactor).
 *
 * ABI (seed 002 + seed-systems §3, spec-decisions "midimon"):
 *   init() -> u64              (ptr << 32) | len of the metadata JSON (static, never freed)
 *   alloc(size) -> ptr         libc malloc; never 0 (a 0-byte request gets a 1-byte block)
 *   dealloc(ptr, size)         libc free; the host never calls it, but the seed's template exports it
 *   execute(ptr, len) -> i32   0 success, 1 request outside memory, 2 not the expected JSON,
 *                              3 the action failed or is unknown
 *
 * The request is {"action": string, "context": object, ...}: other keys are ignored and the
 * context is not looked into, so both the seed's context shape and the real host's decode.
 * The JSON is validated the way serde_json would reject it: strict grammar, strict UTF-8, no lone
 * surrogate escapes, nesting limited to 128 (serde_json's recursion limit), no duplicate
 * `action`/`context`, nothing after the document but whitespace.
 *
 * Actions:
 *   my_action  writes one line to stdout (the host inherits stdio)
 *   log_event  appends one line to /midimon-good-c.log in the plugin-data directory, which the
 *              host preopens at / because the metadata declares the filesystem capability;
 *              returns 3 when the file cannot be opened
 *
 * Every call runs in a fresh instance in the real host, so nothing is kept between calls.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXPORT(name) __attribute__((export_name(name)))

enum { STATUS_OK = 0, STATUS_MEMORY = 1, STATUS_BAD_JSON = 2, STATUS_ACTION_FAILED = 3 };

static const char METADATA[] =
    "{\"name\":\"midimon-good-c\",\"version\":\"1.0.0\","
    "\"description\":\"Conforming midimon plugin in C: my_action prints a line, log_event appends "
    "one to the plugin-data directory\","
    "\"author\":\"plugcheck\",\"license\":\"MIT\",\"type\":\"action\","
    "\"actions\":[\"my_action\",\"log_event\"],\"capabilities\":[\"filesystem\"]}";

EXPORT("init") uint64_t plug_init(void) {
    return ((uint64_t)(uint32_t)(uintptr_t)METADATA << 32) | (uint64_t)(sizeof METADATA - 1);
}

EXPORT("alloc") uint32_t plug_alloc(uint32_t size) {
    return (uint32_t)(uintptr_t)malloc(size == 0 ? 1 : (size_t)size);
}

EXPORT("dealloc") void plug_dealloc(uint32_t ptr, uint32_t size) {
    (void)size; /* libc free does not need it */
    if (ptr != 0) free((void *)(uintptr_t)ptr);
}

/* ------------------------------------------------------------------------------------------ */
/* JSON                                                                                        */
/* ------------------------------------------------------------------------------------------ */

#define MAX_DEPTH 128u

typedef struct {
    const uint8_t *p;
    uint32_t n;
    uint32_t i;
} Scanner;

/* A decoded string, kept only up to `cap` bytes; `len` counts every byte, so len > cap means cut. */
typedef struct {
    uint8_t *buf;
    uint32_t cap;
    uint32_t len;
} Sink;

static void put(Sink *out, uint8_t c) {
    if (out == NULL) return;
    if (out->len < out->cap) out->buf[out->len] = c;
    out->len++;
}

static void put_utf8(Sink *out, uint32_t cp) {
    if (cp < 0x80) {
        put(out, (uint8_t)cp);
    } else if (cp < 0x800) {
        put(out, (uint8_t)(0xC0 | (cp >> 6)));
        put(out, (uint8_t)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        put(out, (uint8_t)(0xE0 | (cp >> 12)));
        put(out, (uint8_t)(0x80 | ((cp >> 6) & 0x3F)));
        put(out, (uint8_t)(0x80 | (cp & 0x3F)));
    } else {
        put(out, (uint8_t)(0xF0 | (cp >> 18)));
        put(out, (uint8_t)(0x80 | ((cp >> 12) & 0x3F)));
        put(out, (uint8_t)(0x80 | ((cp >> 6) & 0x3F)));
        put(out, (uint8_t)(0x80 | (cp & 0x3F)));
    }
}

static void skip_ws(Scanner *s) {
    while (s->i < s->n) {
        uint8_t c = s->p[s->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        s->i++;
    }
}

static int peek(const Scanner *s) { return s->i < s->n ? s->p[s->i] : -1; }

static int expect(Scanner *s, uint8_t c) {
    if (peek(s) != c) return -1;
    s->i++;
    return 0;
}

/* Four hex digits of a \u escape. */
static int hex4(Scanner *s, uint32_t *out) {
    if (s->n - s->i < 4) return -1;
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        uint8_t c = s->p[s->i++];
        uint32_t d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return -1;
        v = (v << 4) | d;
    }
    *out = v;
    return 0;
}

/* One raw UTF-8 character starting at s->i (already known to be >= 0x80): well-formed, shortest form. */
static int utf8_char(Scanner *s, Sink *out) {
    const uint8_t *p = s->p + s->i;
    uint32_t avail = s->n - s->i;
    uint8_t c = p[0];
    uint32_t need, cp, min;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
    else return -1;
    if (avail <= need) return -1;
    for (uint32_t k = 1; k <= need; k++) {
        if ((p[k] & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    for (uint32_t k = 0; k <= need; k++) put(out, p[k]);
    s->i += need + 1;
    return 0;
}

/* A string at s->i (the opening quote), decoded into `out` when it is not NULL. */
static int scan_string(Scanner *s, Sink *out) {
    if (expect(s, '"')) return -1;
    while (s->i < s->n) {
        uint8_t c = s->p[s->i];
        if (c == '"') { s->i++; return 0; }
        if (c < 0x20) return -1;
        if (c >= 0x80) {
            if (utf8_char(s, out)) return -1;
            continue;
        }
        s->i++;
        if (c != '\\') { put(out, c); continue; }
        if (s->i >= s->n) return -1;
        c = s->p[s->i++];
        switch (c) {
            case '"': case '\\': case '/': put(out, c); break;
            case 'b': put(out, '\b'); break;
            case 'f': put(out, '\f'); break;
            case 'n': put(out, '\n'); break;
            case 'r': put(out, '\r'); break;
            case 't': put(out, '\t'); break;
            case 'u': {
                uint32_t cp, low;
                if (hex4(s, &cp)) return -1;
                if (cp >= 0xDC00 && cp <= 0xDFFF) return -1;           /* lone trailing surrogate */
                if (cp >= 0xD800 && cp <= 0xDBFF) {                    /* needs its trailing half */
                    if (s->n - s->i < 2 || s->p[s->i] != '\\' || s->p[s->i + 1] != 'u') return -1;
                    s->i += 2;
                    if (hex4(s, &low) || low < 0xDC00 || low > 0xDFFF) return -1;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                put_utf8(out, cp);
                break;
            }
            default: return -1;
        }
    }
    return -1;
}

static int digits(Scanner *s) {
    uint32_t start = s->i;
    while (s->i < s->n && s->p[s->i] >= '0' && s->p[s->i] <= '9') s->i++;
    return s->i > start ? 0 : -1;
}

static int scan_number(Scanner *s) {
    if (peek(s) == '-') s->i++;
    if (peek(s) == '0') s->i++;
    else if (digits(s)) return -1;
    if (peek(s) == '.') { s->i++; if (digits(s)) return -1; }
    if (peek(s) == 'e' || peek(s) == 'E') {
        s->i++;
        if (peek(s) == '+' || peek(s) == '-') s->i++;
        if (digits(s)) return -1;
    }
    return 0;
}

static int scan_literal(Scanner *s, const char *word) {
    size_t len = strlen(word);
    if (s->n - s->i < len || memcmp(s->p + s->i, word, len) != 0) return -1;
    s->i += (uint32_t)len;
    return 0;
}

static int scan_value(Scanner *s, uint32_t depth);

/* The members of an object or the elements of an array, after the opening bracket. */
static int scan_container(Scanner *s, uint32_t depth, uint8_t close, int members) {
    if (depth >= MAX_DEPTH) return -1;
    skip_ws(s);
    if (peek(s) == close) { s->i++; return 0; }
    for (;;) {
        if (members) {
            skip_ws(s);
            if (scan_string(s, NULL)) return -1;
            skip_ws(s);
            if (expect(s, ':')) return -1;
        }
        if (scan_value(s, depth + 1)) return -1;
        skip_ws(s);
        if (peek(s) == close) { s->i++; return 0; }
        if (expect(s, ',')) return -1;
    }
}

static int scan_value(Scanner *s, uint32_t depth) {
    skip_ws(s);
    switch (peek(s)) {
        case '{': s->i++; return scan_container(s, depth, '}', 1);
        case '[': s->i++; return scan_container(s, depth, ']', 0);
        case '"': return scan_string(s, NULL);
        case 't': return scan_literal(s, "true");
        case 'f': return scan_literal(s, "false");
        case 'n': return scan_literal(s, "null");
        default: return scan_number(s);
    }
}

#define MAX_ACTION 64u
#define KEY_CAP 8u

static int sink_is(const Sink *sink, const char *word) {
    size_t len = strlen(word);
    return sink->len == len && sink->len <= sink->cap && memcmp(sink->buf, word, len) == 0;
}

/*
 * Reads the top-level request object: `action` (a string, decoded into `action`) and `context`
 * (an object); both required, neither twice. 0 on success, -1 when the input is not such JSON.
 */
static int read_request(const uint8_t *p, uint32_t n, Sink *action) {
    Scanner s = {p, n, 0};
    int seen_action = 0, seen_context = 0;
    uint8_t key_buf[KEY_CAP];
    skip_ws(&s);
    if (expect(&s, '{')) return -1;
    skip_ws(&s);
    if (peek(&s) != '}') {
        for (;;) {
            Sink key = {key_buf, KEY_CAP, 0};
            skip_ws(&s);
            if (scan_string(&s, &key)) return -1;
            skip_ws(&s);
            if (expect(&s, ':')) return -1;
            skip_ws(&s);
            if (sink_is(&key, "action")) {
                if (seen_action++ || peek(&s) != '"' || scan_string(&s, action)) return -1;
            } else if (sink_is(&key, "context")) {
                if (seen_context++ || peek(&s) != '{' || scan_value(&s, 1)) return -1;
            } else if (scan_value(&s, 1)) {
                return -1;
            }
            skip_ws(&s);
            if (peek(&s) == '}') break;
            if (expect(&s, ',')) return -1;
        }
    }
    s.i++; /* the closing brace */
    skip_ws(&s);
    if (s.i != s.n) return -1; /* trailing bytes after the document */
    return seen_action && seen_context ? 0 : -1;
}

/* ------------------------------------------------------------------------------------------ */
/* Actions                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static int write_all(int fd, const char *text, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n <= 0) return -1;
        text += n;
        len -= (size_t)n;
    }
    return 0;
}

static int32_t my_action(void) {
    static const char line[] = "midimon-good-c: my_action executed\n";
    return write_all(STDOUT_FILENO, line, sizeof line - 1) ? STATUS_ACTION_FAILED : STATUS_OK;
}

static int32_t log_event(void) {
    static const char line[] = "log_event\n";
    int fd = open("/midimon-good-c.log", O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0) return STATUS_ACTION_FAILED; /* no plugin-data directory: capability not granted */
    int failed = write_all(fd, line, sizeof line - 1);
    close(fd);
    return failed ? STATUS_ACTION_FAILED : STATUS_OK;
}

/* True when [ptr, ptr+len) lies inside linear memory. */
static int in_bounds(uint32_t ptr, uint32_t len) {
    uint64_t mem = (uint64_t)__builtin_wasm_memory_size(0) * 65536u;
    return (uint64_t)ptr + (uint64_t)len <= mem;
}

EXPORT("execute") int32_t plug_execute(uint32_t ptr, uint32_t len) {
    if (!in_bounds(ptr, len)) return STATUS_MEMORY;
    uint8_t action_buf[MAX_ACTION];
    Sink action = {action_buf, MAX_ACTION, 0};
    if (read_request((const uint8_t *)(uintptr_t)ptr, len, &action)) return STATUS_BAD_JSON;
    if (sink_is(&action, "my_action")) return my_action();
    if (sink_is(&action, "log_event")) return log_event();
    return STATUS_ACTION_FAILED; /* an action this plugin does not have */
}
