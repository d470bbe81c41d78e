;; frankenterm-memory-too-big: asks for 2048 pages (128 MiB) of initial memory, twice FrankenTerm's
;; 64 MiB store limit, like the module the host's own test expects wasmtime to refuse
;; (seed-systems §4.3). Otherwise a valid configuration module.
(module
  (memory (export "memory") 2048)
  (data (i32.const 1024) "{\"font_size\":13}")
  (func (export "configure") (result i32) (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const 16)))
