;; faulty: semantics.status-code — execute answers 0 to a request that is not JSON (expected 2) and to an unknown action (expected 3)
;; midimon-semantics-status-code: the midimon-good-wat skeleton whose execute never looks at the
;; request, so the host would report a garbled request, or an action the plugin does not have, as a successful action.
(module
  (memory (export "memory") 1)

  ;; ---- static data, all below $HEAP_BASE ----
  (data (i32.const 16) "{\"name\":\"midimon-semantics-status-code\",\"version\":\"1.0.0\",\"description\":\"plugcheck test plugin (midimon profile)\",\"author\":\"plugcheck\",\"license\":\"MIT\",\"type\":\"action\",\"actions\":[\"my_action\"],\"capabilities\":[]}")   ;; metadata, 209 bytes

  (global $HEAP_BASE i32 (i32.const 1024))
  (global $top (mut i32) (i32.const 1024))   ;; next free byte

  (func $pack (param $ptr i32) (param $len i32) (result i64)
    (i64.or (i64.shl (i64.extend_i32_u (local.get $ptr)) (i64.const 32))
            (i64.extend_i32_u (local.get $len))))

  (func (export "init") (result i64)
    (call $pack (i32.const 16) (i32.const 209)))

  ;; ---- allocator: bump, 8-byte aligned; 0-byte requests still get a distinct block ----
  (func $alloc (export "alloc") (param $size i32) (result i32)
    (local $ptr i32) (local $end i32) (local $pages i32)
    (if (i32.eqz (local.get $size)) (then (local.set $size (i32.const 1))))
    (local.set $ptr (global.get $top))
    ;; end = align8(ptr + size); a size that wraps the address space fails
    (local.set $end (i32.and (i32.add (i32.add (local.get $ptr) (local.get $size)) (i32.const 7))
                             (i32.const -8)))
    (if (i32.lt_u (local.get $end) (local.get $ptr)) (then (unreachable)))
    ;; grow memory to ceil(end / 64 KiB) pages when needed; out of memory traps
    (local.set $pages (i32.add (i32.shr_u (i32.sub (local.get $end) (i32.const 1)) (i32.const 16))
                               (i32.const 1)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
              (then (unreachable)))))
    (global.set $top (local.get $end))
    (local.get $ptr))

  (func (export "dealloc") (param $ptr i32) (param $size i32))

  ;; ---- execute ----
  (func $blank (param $c i32) (result i32)
    (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x09)))
            (i32.or (i32.eq (local.get $c) (i32.const 0x0a)) (i32.eq (local.get $c) (i32.const 0x0d)))))

  (func (export "execute") (param $ptr i32) (param $len i32) (result i32)
    (local $end i32)
    ;; 1: the request does not lie inside memory (the end is computed in 64 bits, so it cannot wrap)
    (if (i64.gt_u (i64.add (i64.extend_i32_u (local.get $ptr)) (i64.extend_i32_u (local.get $len)))
                  (i64.shl (i64.extend_i32_u (memory.size)) (i64.const 16)))
      (then (return (i32.const 1))))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    ;; trim blanks at both ends
    (block $done
      (loop $front
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (br_if $done (i32.eqz (call $blank (i32.load8_u (local.get $ptr)))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (br $front)))
    (block $done
      (loop $back
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (br_if $done (i32.eqz (call $blank (i32.load8_u (i32.sub (local.get $end) (i32.const 1))))))
        (local.set $end (i32.sub (local.get $end) (i32.const 1)))
        (br $back)))
    ;; the defect: nothing is decoded, so bad JSON and every action alike answer 0 (success)
    (i32.const 0))
)
