;; limits-frankenterm-memory-bomb: the frankenterm-good-config module whose configure() first grows
;; memory page by page to 1100 pages (68.75 MiB), ignoring a refused grow, then answers its JSON.
;; Unlimited, that works; under FrankenTerm's 64 MiB StoreLimits (1024 pages) the grow is refused at
;; the cap, so limits.memory fails with the pages reached.
(module
  (memory (export "memory") 1)
  (data (i32.const 1024) "{\"font_size\":13.5,\"color_scheme\":\"Builtin Dark\",\"enable_tab_bar\":true,\"window_padding\":{\"left\":4,\"right\":4}}")
  (func (export "configure") (result i32)
    (local $n i32)
    (loop $grow
      (drop (memory.grow (i32.const 1)))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $grow (i32.lt_u (local.get $n) (i32.const 1099))))
    (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const 108)))
