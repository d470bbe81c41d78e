#!/usr/bin/env bash
# Rebuilds the C frankenterm plugins: each plugins-under-test/<plugin>/main.wasm next to its
# extension.toml, from a source here. The built modules are committed, so `npm test` never needs
# a C compiler; run this only after changing a source. Needs Debian's clang 14 with wasi-libc
# (apt-get install clang lld wasi-libc libclang-rt-dev-wasm32).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugins="$(cd "$here/../.." && pwd)"

CC="${CC:-clang}"
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "build.sh: '$CC' not found. Install the C toolchain for wasm32-wasi with:" >&2
  echo "  apt-get install -y --no-install-recommends clang lld wasi-libc libclang-rt-dev-wasm32" >&2
  exit 1
fi

# build <plugin directory> <source> [extra clang flags...]
build() {
  local plugin="$1" source="$2"
  shift 2
  local out="$plugins/$plugin/main.wasm"
  "$CC" --target=wasm32-wasi -O2 -mexec-model=reactor -Wall -Wextra -Werror "$@" \
    -Wl,--strip-all -o "$out" "$here/$source"
  chmod 644 "$out"
  echo "built $out ($(wc -c <"$out") bytes)"
}

build frankenterm-good-c            good.c
build frankenterm-good-env-docs     good.c -DFT_NAMESPACE='"env"'
build frankenterm-bad-manifest      good.c
build frankenterm-hooks-neither     good.c
build frankenterm-handler-signature handler-signature.c
build frankenterm-handler-traps     handler-traps.c
build frankenterm-env-misuse        env-misuse.c
build frankenterm-bad-host-calls    bad-host-calls.c
