;; hostile: a FrankenTerm configuration module whose start function never returns
;; hostile-frankenterm-start-loop: the frankenterm-good-config module with a start function that
;; spins for ever; the watchdog must cut off the instantiation and the run carry on.
(module
  (memory (export "memory") 1)
  (data (i32.const 1024) "{\"font_size\":13.5,\"color_scheme\":\"Builtin Dark\",\"enable_tab_bar\":true,\"window_padding\":{\"left\":4,\"right\":4}}")
  (func $spin (loop $forever (br $forever)))
  (start $spin)
  (func (export "configure") (result i32) (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const 108)))
