;; extism-start-traps: an Extism plugin whose _initialize traps. Extism hosts run _initialize when they
;; load a reactor, so the plugin never loads; lifecycle.instantiate fails with the trap.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (memory (export "memory") 1)
  (func (export "_initialize") unreachable)
  (func (export "run") (result i32) (i32.wrap_i64 (call $input_length))))
