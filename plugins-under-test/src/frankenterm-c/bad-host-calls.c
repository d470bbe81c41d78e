/*
 * frankenterm-bad-host-calls: host calls with arguments the host cannot honour. FrankenTerm
 * would log three empty or mislabelled lines and carry on; plugcheck reports each call.
 *   - a message pointer past the end of memory (a dangling or miscomputed pointer)
 *   - a message that is not UTF-8 (Latin-1 "café")
 *   - log level 7 (levels are 0 trace … 4 error)
 */
#include "frankenterm.h"

static const char latin1[] = "caf\xe9";

FT_HANDLER(on_reload) {
    int past_end = (int)(__builtin_wasm_memory_size(0) * 65536u) - 8;
    ft_log(FT_INFO, (const char *)past_end, 64);
    ft_log(FT_INFO, latin1, (int)sizeof latin1 - 1);
    ft_log_str(7, "level seven");
}
