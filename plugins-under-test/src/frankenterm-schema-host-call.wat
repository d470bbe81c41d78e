;; frankenterm-schema-host-call: a configuration module that reads its theme with
;; ft_get_env("THEME=dark"): a key with `=` in it, the whole assignment instead of the variable's
;; name, which fits no environment variable name (schemas/frankenterm/ft_get_env.input.schema.json).
;; It ignores the -1 it gets back and answers a valid configuration; the one defect is the key.
(module
  (import "frankenterm" "ft_get_env" (func $ft_get_env (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 1024) "{\"font_size\":13}")
  (data (i32.const 2048) "THEME=dark")
  (func (export "configure") (result i32)
    (drop (call $ft_get_env (i32.const 2048) (i32.const 10)))   ;; DEFECT: "NAME=value" as the key
    (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const 16)))
