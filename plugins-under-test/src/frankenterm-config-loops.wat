;; frankenterm-config-loops: configure() never returns. FrankenTerm itself only stops it when
;; its fuel runs out (1e9 instructions); plugcheck's watchdog stops it at the call time limit.
(module
  (memory (export "memory") 1)
  (func (export "configure") (result i32)
    (loop $forever (br $forever))
    (i32.const 0))
  (func (export "configure_len") (result i32) (i32.const 0)))
