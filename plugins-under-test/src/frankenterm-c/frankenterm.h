/*
 * The FrankenTerm host ABI (seed 003 §Host function ABI) for the frankenterm-* C plugins.
 *
 * FT_NAMESPACE is the import module of the ft_* functions: "frankenterm", which the host's code
 * registers, unless the build passes -DFT_NAMESPACE='"env"', the module the docs' plain
 * `extern "C"` block ends up in.
 */
#ifndef FRANKENTERM_H
#define FRANKENTERM_H

#ifndef FT_NAMESPACE
#define FT_NAMESPACE "frankenterm"
#endif

#define FT_IMPORT(name) __attribute__((import_module(FT_NAMESPACE), import_name(#name)))
/* A handler: exported under its own name, no parameters, no result. */
#define FT_HANDLER(name) __attribute__((export_name(#name))) void name(void)

enum { FT_TRACE, FT_DEBUG, FT_INFO, FT_WARN, FT_ERROR };

FT_IMPORT(ft_log) void ft_log(int level, const char *msg, int msg_len);
FT_IMPORT(ft_get_env) int ft_get_env(const char *key, int key_len);
FT_IMPORT(ft_return_buffer_read) int ft_return_buffer_read(char *out, int out_len);

static inline int ft_strlen(const char *s) {
    int n = 0;
    while (s[n] != '\0') n++;
    return n;
}

static inline void ft_log_str(int level, const char *msg) {
    ft_log(level, msg, ft_strlen(msg));
}

#endif
