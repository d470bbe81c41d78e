#!/usr/bin/env bash
# Rebuilds the WAT frankenterm extensions: each plugins-under-test/<plugin>/main.wasm next to its
# extension.toml, from a source here, with npm wabt's wat2wasm. The built modules are committed
# like the C ones (scripts/build-plugins.mjs builds only top-level .wat files); run this only after
# changing a source.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugins="$(cd "$here/../.." && pwd)"
wat2wasm="$(cd "$plugins/.." && pwd)/node_modules/.bin/wat2wasm"

# build <plugin directory> <source>
build() {
  local out="$plugins/$1/main.wasm"
  "$wat2wasm" "$here/$2" -o "$out"
  chmod 644 "$out"
  echo "built $out ($(wc -c <"$out") bytes)"
}

build frankenterm-fuzz-env-overflow fuzz-env-overflow.wat
