;; frankenterm-wrong-namespace: imports ft_log from "ft", a module FrankenTerm never registers
;; (the code uses "frankenterm", the docs "env"), so it would not link. Otherwise a valid
;; configuration module that logs before answering.
(module
  (import "ft" "ft_log" (func $ft_log (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 1024) "{\"font_size\":13}")
  (data (i32.const 2048) "configured")
  (func (export "configure") (result i32)
    (call $ft_log (i32.const 2) (i32.const 2048) (i32.const 10))
    (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const 16)))
