;; extism-entry-takes-args: an Extism plugin whose export takes its input as an argument, as a plain
;; wasm library would. Extism hosts call exports with no arguments (the input travels through the
;; kernel), so lifecycle.exports-callable fails.
(module
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (memory (export "memory") 1)
  (func (export "greet") (param $name i64) (result i32)
    (call $output_set (local.get $name) (i64.const 0))
    (i32.const 0)))
