;; limits-frankenterm-fuel-hog: the frankenterm-good-config module whose configure() first spins
;; 200 million loop iterations (about 0.2 s in V8) before answering its JSON: past the 1e9 fuel
;; FrankenTerm gives each call (seed-systems §4.3), so the real host stops it with "all fuel consumed".
(module
  (memory (export "memory") 1)
  (global $sink (mut i32) (i32.const 0))
  (data (i32.const 1024) "{\"font_size\":13.5,\"color_scheme\":\"Builtin Dark\",\"enable_tab_bar\":true,\"window_padding\":{\"left\":4,\"right\":4}}")
  (func (export "configure") (result i32)
    (local $i i32)
    (loop $spin
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $spin (i32.lt_u (local.get $i) (i32.const 200000000))))
    (global.set $sink (local.get $i))
    (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const 108)))
