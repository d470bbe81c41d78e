;; frankenterm-config-bad-json: configure()/configure_len() point at text that is not JSON
;; (a trailing comma, as a hand-written config often has); FrankenTerm stops with
;; "WASM configure() returned invalid JSON".
(module
  (memory (export "memory") 1)
  (data (i32.const 1024) "{\"font_size\":13,\"color_scheme\":\"Builtin Dark\",}")
  (func (export "configure") (result i32) (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const 47)))
