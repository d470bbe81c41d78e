;; frankenterm-fuzz-env-overflow: a FrankenTerm extension whose on_reload reads TERM into a fixed
;; 64-byte buffer and traps (unreachable, as Rust's `buf[..len]` panics) when the value is longer.
;; The fixture's TERM is 14 bytes, so only a host answer fuzzed past the buffer finds it
;; (fuzz.valid-inputs for FrankenTerm: generated environments).
(module
  (import "frankenterm" "ft_get_env" (func $get_env (param i32 i32) (result i32)))
  (import "frankenterm" "ft_return_buffer_read" (func $read (param i32 i32) (result i32)))
  (import "frankenterm" "ft_log" (func $log (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "TERM")
  ;; the 64-byte buffer lives at 64..128

  (func (export "on_reload")
    (local $len i32)
    (local.set $len (call $get_env (i32.const 16) (i32.const 4)))
    (if (i32.lt_s (local.get $len) (i32.const 0)) (then (return)))
    (if (i32.gt_u (local.get $len) (i32.const 64)) (then (unreachable)))
    (local.set $len (call $read (i32.const 64) (local.get $len)))
    (call $log (i32.const 2) (i32.const 64) (local.get $len)))
)
