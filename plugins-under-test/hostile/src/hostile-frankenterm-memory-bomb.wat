;; hostile: a FrankenTerm configuration module whose configure() grows memory to 128 MiB
;; hostile-frankenterm-memory-bomb: the frankenterm-good-config module whose configure() takes all the
;; memory it can get up to 128 MiB (16 MiB at a time, page by page once a step is refused), then
;; answers its JSON. Uncapped it gets its 128 MiB; under FrankenTerm's 64 MiB cap (1024 pages) it
;; ends at the cap.
(module
  (memory (export "memory") 1)
  (data (i32.const 1024) "{\"font_size\":13.5,\"color_scheme\":\"Builtin Dark\",\"enable_tab_bar\":true,\"window_padding\":{\"left\":4,\"right\":4}}")
  (func (export "configure") (result i32)
    (block $enough
      (loop $grow
        (br_if $enough (i32.ge_u (memory.size) (i32.const 2048)))
        (br_if $grow (i32.ne (memory.grow (i32.const 256)) (i32.const -1)))
        (br_if $enough (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (br $grow)))
    (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const 108)))
