;; frankenterm-good-config-start: a FrankenTerm configuration module of the second kind
;; (seed-systems §4.3): a WASI command whose _start writes the configuration as JSON to stdout
;; with fd_write, without a trailing newline, and returns (no proc_exit).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; iovec {buf = 1024, len = 52} at 16; bytes written land at 32
  (data (i32.const 1024) "{\"font_size\":12,\"hide_tab_bar_if_only_one_tab\":true}")
  (func (export "_start")
    (i32.store (i32.const 16) (i32.const 1024))
    (i32.store (i32.const 20) (i32.const 52))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 32)))))
