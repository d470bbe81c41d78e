;; limits-midimon-slow-init: a copy of midimon-good-wat whose init spins 4 294 967 295 loop
;; iterations (seconds in V8) before returning its metadata: longer than the time limit the bundled
;; conformance run gives plugins built to hang (1 s), so the watchdog stops it and limits.time is
;; timed-out; metered, it runs out of midimon's 100 M fuel within a tenth of a second.
;; conforming: no defect; every midimon check passes
;; midimon-good-wat: a conforming midimon plugin in WAT, the skeleton every faulty midimon-*.wat copies.
;; The skeleton (midimon-good-wat.wat): init returns static metadata, alloc is a bump allocator that
;; grows memory and never returns 0, dealloc does nothing (the host never calls it), and execute
;; answers 1 when the request lies outside memory, 2 unless it looks like a JSON object, 0 when it names
;; my_action and 3 for any other action. Every instance serves one call, so nothing is ever reused.
(module
  (memory (export "memory") 1)

  ;; ---- static data, all below $HEAP_BASE ----
  (data (i32.const 16) "{\"name\":\"midimon-good-wat\",\"version\":\"1.0.0\",\"description\":\"plugcheck test plugin (midimon profile)\",\"author\":\"plugcheck\",\"license\":\"MIT\",\"type\":\"action\",\"actions\":[\"my_action\"],\"capabilities\":[]}")   ;; metadata, 196 bytes
  (data (i32.const 960) "\"my_action\"")   ;; 11 bytes: the one action execute answers 0 to

  (global $HEAP_BASE i32 (i32.const 1024))
  (global $top (mut i32) (i32.const 1024))   ;; next free byte

  (func $pack (param $ptr i32) (param $len i32) (result i64)
    (i64.or (i64.shl (i64.extend_i32_u (local.get $ptr)) (i64.const 32))
            (i64.extend_i32_u (local.get $len))))

  (func (export "init") (result i64)
    (local $i i32)
    ;; 4 294 967 295 loop iterations: seconds of work before the metadata comes back
    (loop $spin
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $spin (i32.ne (local.get $i) (i32.const -1))))
    (global.set $top (i32.add (global.get $top) (i32.and (local.get $i) (i32.const 0))))
    (call $pack (i32.const 16) (i32.const 196)))

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

  ;; 1 when the request in [$p, $end) names the one action this plugin has: the 11 bytes "my_action"
  ;; (with its quotes) at 960 occur in it. A skeleton's stand-in for decoding the action field.
  (func $names_my_action (param $p i32) (param $end i32) (result i32)
    (local $i i32)
    (block $no
      (loop $at
        (br_if $no (i32.gt_u (i32.add (local.get $p) (i32.const 11)) (local.get $end)))
        (local.set $i (i32.const 0))
        (block $differs
          (loop $cmp
            (br_if $differs (i32.ne (i32.load8_u (i32.add (local.get $p) (local.get $i)))
                                    (i32.load8_u (i32.add (i32.const 960) (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $cmp (i32.lt_u (local.get $i) (i32.const 11)))
            (return (i32.const 1))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $at)))
    (i32.const 0))

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
    ;; 2: not a JSON object: fewer than 2 bytes, or not '{' first and '}' last
    (if (i32.lt_u (i32.sub (local.get $end) (local.get $ptr)) (i32.const 2)) (then (return (i32.const 2))))
    (if (i32.ne (i32.load8_u (local.get $ptr)) (i32.const 0x7b)) (then (return (i32.const 2))))
    (if (i32.ne (i32.load8_u (i32.sub (local.get $end) (i32.const 1))) (i32.const 0x7d)) (then (return (i32.const 2))))
    ;; 0 for my_action; 3 for an action this plugin does not have (seed 002 template: `_ => 3 // Unknown action`)
    (select (i32.const 0) (i32.const 3) (call $names_my_action (local.get $ptr) (local.get $end))))
)
