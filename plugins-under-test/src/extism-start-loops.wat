;; extism-start-loops: an Extism plugin whose _initialize never returns. The watchdog stops the
;; instantiation at the limit; lifecycle.instantiate times out and the run carries on.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (memory (export "memory") 1)
  (func (export "_initialize") (loop $forever (br $forever)))
  (func (export "run") (result i32) (i32.wrap_i64 (call $input_length))))
