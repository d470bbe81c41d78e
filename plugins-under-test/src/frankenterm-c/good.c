/*
 * frankenterm-good-c and frankenterm-good-env-docs: a conforming FrankenTerm extension.
 *
 * The same source is built twice: against the `frankenterm` import module the host registers
 * (with a [hooks] table manifest) and against the docs' `env` (with a [[hooks]] array manifest).
 *
 *   on_reload      logs that the configuration was reloaded, then TERM and FRANKENTERM_VERSION
 *   on_pane_focus  logs COLORTERM, FRANKENTERM_THEME (allowed, unset) and HOME (not allowed)
 *
 * Every environment read checks ft_get_env's result first: -1 (denied or unset) is logged as
 * "not available" and the return buffer is left alone.
 */
#include "frankenterm.h"

static char value[256];
static char line[320];

/* Appends len bytes of src to line at `at`, truncating at the end of line; returns the new end. */
static int append(int at, const char *src, int len) {
    for (int i = 0; i < len && at < (int)sizeof line; i++) line[at++] = src[i];
    return at;
}

/* Reads an environment variable into value; its length, or -1 when denied or unset. */
static int get_env(const char *key) {
    int len = ft_get_env(key, ft_strlen(key));
    if (len < 0) return -1;
    if (len > (int)sizeof value) len = (int)sizeof value;
    return ft_return_buffer_read(value, len);
}

static void log_var(const char *key) {
    static const char unavailable[] = " is not available";
    int len = get_env(key);
    int at = append(0, key, ft_strlen(key));
    if (len < 0) {
        at = append(at, unavailable, (int)sizeof unavailable - 1);
        ft_log(FT_DEBUG, line, at);
        return;
    }
    at = append(at, "=", 1);
    at = append(at, value, len);
    ft_log(FT_INFO, line, at);
}

FT_HANDLER(on_reload) {
    ft_log_str(FT_INFO, "configuration reloaded");
    log_var("TERM");
    log_var("FRANKENTERM_VERSION");
}

FT_HANDLER(on_pane_focus) {
    log_var("COLORTERM");
    log_var("FRANKENTERM_THEME");
    log_var("HOME");
}
