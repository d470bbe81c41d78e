/*
 * frankenterm-handler-traps: on_reload logs, then traps (`unreachable`) as a failed Rust
 * `unwrap()` or a C assertion would; on_pane_focus is fine.
 */
#include "frankenterm.h"

FT_HANDLER(on_reload) {
    ft_log_str(FT_INFO, "reloading configuration");
    __builtin_trap();
}

FT_HANDLER(on_pane_focus) {
    ft_log_str(FT_INFO, "pane focused");
}
