;; limits-extism-initialize-fuel-hog: an Extism plugin (any application) whose _initialize spins 200
;; million loop iterations (a fraction of a second in V8) as it loads: past the 1e9 instructions
;; plugcheck gives an Extism plugin when the host meters nothing, so limits.fuel fails.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (memory (export "memory") 1)
  (global $sink (mut i32) (i32.const 0))
  (func (export "_initialize")
    (local $i i32)
    (loop $spin
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $spin (i32.lt_u (local.get $i) (i32.const 200000000))))
    (global.set $sink (local.get $i)))
  (func (export "run") (result i32) (i32.wrap_i64 (call $input_length))))
