;; hostile: an Extism data source whose plugin_info (the metadata call) never returns
;; hostile-extism-datasource-info-loop: a generation-B data source in WAT whose plugin_info spins for
;; ever; the other exports answer at once. The watchdog must stop the metadata call on the real
;; Extism runtime and the run carry on.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/user" "log_record" (func $log_record (param i64) (result i64)))
  (memory (export "memory") 1)
  (func (export "plugin_info") (result i32) (loop $forever (br $forever)) (i32.const 0))
  (func (export "plugin_configure") (result i32) (i32.wrap_i64 (call $input_length)))
  (func (export "start_stream") (result i32) (i32.const 1))
  (func (export "stop_stream") (result i32) (i32.const 1)))
