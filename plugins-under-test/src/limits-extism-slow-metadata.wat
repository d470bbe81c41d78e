;; limits-extism-slow-metadata: a generation-B data source whose plugin_info (the metadata call the
;; terminal makes first) spins 4 294 967 295 loop iterations, seconds in V8, before answering; the
;; other exports answer at once. Longer than the time limit the bundled conformance run gives
;; plugins built to hang (1 s), and than any Extism timeout_ms a host would set for a metadata
;; call: the watchdog stops it, lifecycle.metadata and limits.time are timed-out.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/user" "log_record" (func $log_record (param i64) (result i64)))
  (memory (export "memory") 1)
  (global $sink (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32)
    (local $i i32)
    (loop $spin
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $spin (i32.ne (local.get $i) (i32.const -1))))
    (global.set $sink (local.get $i))
    (i32.const 0))
  (func (export "plugin_configure") (result i32) (i32.wrap_i64 (call $input_length)))
  (func (export "start_stream") (result i32) (i32.const 1))
  (func (export "stop_stream") (result i32) (i32.const 1)))
