#!/usr/bin/env bash
# Rebuilds plugins-under-test/bifrost-v2-gc-garbage-as.wasm from index.ts with asconfig.json: the minimal
# runtime, whose garbage collector runs only when the host calls the exported `__collect`, and
# --exportRuntime. scripts/build-plugins.mjs passes --runtime incremental to every AssemblyScript plugin
# (which would collect by itself and hide whether plugcheck collects), so this plugin has its own build and
# its .wasm is committed; run this only after changing index.ts or asconfig.json.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="$(basename "$here")"
root="$(cd "$here/../../.." && pwd)"
out="$root/plugins-under-test/$name.wasm"

cd "$here"
"$root/node_modules/.bin/asc" index.ts --config asconfig.json -o "$out" -O3 --use abort= --noColors
chmod 644 "$out"
echo "built $out ($(wc -c <"$out") bytes)"
