/*
 * frankenterm-env-misuse: uses a denied environment read as if it had succeeded.
 *
 * The manifest allows TERM only. on_reload reads TERM (fine), then GITHUB_TOKEN: ft_get_env
 * returns -1 (denied), but the plugin ignores that and calls ft_return_buffer_read anyway. The
 * host's return buffer still holds TERM's value, so the plugin logs "token=xterm-256color": it
 * believes it has a token, and in a host that kept a secret there it would log the secret.
 */
#include "frankenterm.h"

static char buffer[128];
static char line[160];

FT_HANDLER(on_reload) {
    static const char prefix[] = "token=";
    int term = ft_get_env("TERM", 4);
    if (term >= 0) ft_return_buffer_read(buffer, (int)sizeof buffer);

    ft_get_env("GITHUB_TOKEN", 12); /* -1: denied, not checked */
    int len = ft_return_buffer_read(buffer, (int)sizeof buffer);
    if (len < 0) len = 0;
    int at = 0;
    for (int i = 0; i < (int)sizeof prefix - 1; i++) line[at++] = prefix[i];
    for (int i = 0; i < len && at < (int)sizeof line; i++) line[at++] = buffer[i];
    ft_log(FT_INFO, line, at);
}
