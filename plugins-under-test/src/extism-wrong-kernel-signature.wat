;; extism-wrong-kernel-signature: an Extism plugin declaring the kernel's input_length as () -> i32
;; (it is () -> i64). V8 would accept any JS function for it and fail only at the call, with a BigInt
;; TypeError; plugcheck reads the types from the binary and abi.imports-provided fails.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i32)))
  (memory (export "memory") 1)
  (func (export "length") (result i32) (call $input_length)))
