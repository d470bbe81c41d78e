/*
 * frankenterm-handler-signature: handlers the host cannot call. The manifest binds four events:
 *   config.reload  → on_reload      takes the event id as a parameter: (i32) -> ()
 *   pane.focus     → on_pane_focus  returns a status: () -> i32
 *   key.press      → on_key_press   not exported at all
 *   theme.changed  → on_theme       correct, () -> (), and runs fine
 */
#include "frankenterm.h"

__attribute__((export_name("on_reload"))) void on_reload(int event) {
    ft_log_str(FT_INFO, event == 0 ? "reload" : "reload with event");
}

__attribute__((export_name("on_pane_focus"))) int on_pane_focus(void) {
    ft_log_str(FT_INFO, "pane focused");
    return 0;
}

FT_HANDLER(on_theme) {
    ft_log_str(FT_INFO, "theme changed");
}
