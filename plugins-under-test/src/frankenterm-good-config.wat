;; frankenterm-good-config: a FrankenTerm configuration module (seed-systems §4.3, eval_config).
;; configure() returns the address of a UTF-8 JSON object in memory, configure_len() its length.
;; It imports nothing: the host evaluates configuration modules with WASI preview1 only.
(module
  (memory (export "memory") 1)
  (data (i32.const 1024) "{\"font_size\":13.5,\"color_scheme\":\"Builtin Dark\",\"enable_tab_bar\":true,\"window_padding\":{\"left\":4,\"right\":4}}")
  (func (export "configure") (result i32) (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const 108)))
