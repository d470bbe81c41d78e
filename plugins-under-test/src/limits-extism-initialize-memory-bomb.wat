;; limits-extism-initialize-memory-bomb: an Extism plugin (any application) whose _initialize takes
;; all the memory it can get up to 4200 pages (262.5 MiB), 4 MiB at a time and page by page once a
;; step is refused. Unlimited that works; under plugcheck's 4096-page cap for an Extism plugin whose
;; manifest sets no memory.max_pages, it ends at the cap as it loads, so limits.memory fails.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (memory (export "memory") 1)
  (func (export "_initialize")
    (block $enough
      (loop $grow
        (br_if $enough (i32.ge_u (memory.size) (i32.const 4200)))
        (br_if $grow (i32.ne (memory.grow (i32.const 64)) (i32.const -1)))
        (br_if $enough (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (br $grow))))
  (func (export "run") (result i32) (i32.wrap_i64 (call $input_length))))
