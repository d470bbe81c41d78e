#!/usr/bin/env bash
# Rebuilds plugins-under-test/midimon-good-c.wasm from plugin.c. The .wasm is committed, so
# `npm test` never needs a C compiler; run this only after changing plugin.c. Same toolchain and
# flags as bifrost-v2-good-c/build.sh: Debian's clang 14 with wasi-libc, a WASI reactor.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "$here/../.." && pwd)/midimon-good-c.wasm"
cc="${CC:-clang}"
command -v "$cc" >/dev/null 2>&1 || {
  echo "build.sh: '$cc' not found; install: apt-get install -y --no-install-recommends clang lld wasi-libc libclang-rt-dev-wasm32" >&2
  exit 1
}
"$cc" --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Wextra -Werror -Wl,--strip-all -o "$out" "$here/plugin.c"
chmod 644 "$out"
echo "built $out ($(wc -c <"$out") bytes)"
