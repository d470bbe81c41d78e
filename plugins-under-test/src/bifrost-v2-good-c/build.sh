#!/usr/bin/env bash
# Rebuilds plugins-under-test/bifrost-v2-good-c.wasm from plugin.c.
# The built .wasm is committed, so `npm test` never needs a C compiler; run this only after
# changing plugin.c. Needs Debian's clang 14 with wasi-libc (see research/toolchains.md §2).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="$(basename "$here")"
out_dir="$(cd "$here/../.." && pwd)"
out="$out_dir/$name.wasm"

CC="${CC:-clang}"
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "build.sh: '$CC' not found. Install the C toolchain for wasm32-wasi with:" >&2
  echo "  apt-get install -y --no-install-recommends clang lld wasi-libc libclang-rt-dev-wasm32" >&2
  exit 1
fi

"$CC" --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Wextra -Werror \
  -Wl,--strip-all -o "$out" "$here/plugin.c"

chmod 644 "$out"
echo "built $out ($(wc -c <"$out") bytes)"
