;; bifrost-v2-capability-file: a copy of bifrost-v2-good-wat whose pre_hook first tries to open
;; "secrets.txt" through WASI (path_open on descriptor 3) before answering. The Bifrost host preopens no
;; directory, so the open is denied (EBADF); capability.filesystem reports it for pre_hook.
;; bifrost-v2-good-wat: the smallest well-behaved bifrost-v2 plugin, written by hand.
;; Every hook answers a fixed pass-through envelope built in a freshly malloc'd block. Empty input, input
;; that does not start with '{', or an object whose "context" is neither an object nor null (Go's decoder
;; rejects it) gets the same envelope with a message in its error field.
;; The faulty bifrost-v2-*.wat plugins are copies of this file with exactly one defect each.
(module
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; ---- static data, all below $HEAP_BASE ----
  (data (i32.const 16) "bifrost-v2-good-wat")                 ;; plugin name, 19 bytes
  (data (i32.const 64) "no input data")                       ;; 13 bytes
  (data (i32.const 80) "invalid input: not a JSON object")    ;; 32 bytes
  (data (i32.const 112) "\"}")                                ;; 2 bytes: closes every envelope
  (data (i32.const 116) "context")                            ;; 7 bytes: the one input field whose type is checked
  (data (i32.const 960) "invalid input: context must be an object")  ;; 40 bytes
  ;; Envelope prefixes. Each ends inside the error string, so prefix ++ message ++ "\"}" is the answer.
  (data (i32.const 128) "{\"context\":{},\"request\":null,\"response\":null,\"has_response\":false,\"error\":\"")   ;; 75
  (data (i32.const 208) "{\"context\":{},\"error\":\"")                                                         ;; 23
  (data (i32.const 240) "{\"context\":{},\"chunk\":null,\"has_chunk\":false,\"skip\":false,\"error\":\"")        ;; 67
  (data (i32.const 320) "{\"context\":{},\"request\":null,\"short_circuit\":null,\"has_short_circuit\":false,\"error\":\"")  ;; 85
  (data (i32.const 416) "{\"context\":{},\"response\":null,\"error\":null,\"has_error\":false,\"hook_error\":\"") ;; 75

  ;; ---- allocator: bump, with two ways to give memory back ----
  ;; free() of the most recent block reclaims it; once every block is freed the heap starts over.
  (data (i32.const 1000) "secrets.txt")                      ;; 11 bytes: the file pre_hook tries to open
  (global $HEAP_BASE i32 (i32.const 1024))
  (global $top (mut i32) (i32.const 1024))   ;; next free byte
  (global $last (mut i32) (i32.const 0))     ;; most recent block (0: none to reclaim)
  (global $live (mut i32) (i32.const 0))     ;; blocks handed out and not yet freed

  (func $malloc (export "malloc") (param $size i32) (result i32)
    (local $ptr i32) (local $end i32) (local $pages i32)
    (if (i32.eqz (local.get $size)) (then (local.set $size (i32.const 1))))   ;; every block is distinct
    (local.set $ptr (global.get $top))
    ;; end = align8(ptr + size); a size that wraps the address space fails
    (local.set $end (i32.and (i32.add (i32.add (local.get $ptr) (local.get $size)) (i32.const 7))
                             (i32.const -8)))
    (if (i32.lt_u (local.get $end) (local.get $ptr)) (then (return (i32.const 0))))
    ;; grow memory to ceil(end / 64 KiB) pages when needed; 0 means out of memory
    (local.set $pages (i32.add (i32.shr_u (i32.sub (local.get $end) (i32.const 1)) (i32.const 16))
                               (i32.const 1)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
              (then (return (i32.const 0))))))
    (global.set $top (local.get $end))
    (global.set $last (local.get $ptr))
    (global.set $live (i32.add (global.get $live) (i32.const 1)))
    (local.get $ptr))

  (func $free (export "free") (param $ptr i32)
    ;; ignore pointers malloc never returned (0, static data such as the name)
    (if (i32.or (i32.lt_u (local.get $ptr) (global.get $HEAP_BASE))
                (i32.ge_u (local.get $ptr) (global.get $top)))
      (then (return)))
    (if (i32.eqz (global.get $live)) (then (return)))
    (global.set $live (i32.sub (global.get $live) (i32.const 1)))
    (if (i32.eqz (global.get $live))
      (then (global.set $top (global.get $HEAP_BASE))
            (global.set $last (i32.const 0)))
      (else (if (i32.eq (local.get $ptr) (global.get $last))
              (then (global.set $top (local.get $ptr))
                    (global.set $last (i32.const 0)))))))

  ;; ---- helpers ----
  (func $pack (param $ptr i32) (param $len i32) (result i64)
    (i64.or (i64.shl (i64.extend_i32_u (local.get $ptr)) (i64.const 32))
            (i64.extend_i32_u (local.get $len))))

  ;; Position just after the JSON string that starts at $p (a '"'), or $end when it never closes.
  (func $skip_string (param $p i32) (param $end i32) (result i32)
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x5c))   ;; backslash: skip the escaped byte
          (then (local.set $p (i32.add (local.get $p) (i32.const 2))) (br $next)))
        (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x22))
          (then (return (i32.add (local.get $p) (i32.const 1)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $end))

  ;; Position just after the JSON value that starts at $p: strings, nested objects and arrays are
  ;; skipped whole; a scalar ends at the ',' or '}' that follows it.
  (func $skip_value (param $p i32) (param $end i32) (result i32)
    (local $depth i32) (local $c i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $p)))
        (if (i32.eq (local.get $c) (i32.const 0x22))
          (then (local.set $p (call $skip_string (local.get $p) (local.get $end)))
                (br_if $done (i32.eqz (local.get $depth)))
                (br $next)))
        (if (i32.or (i32.eq (local.get $c) (i32.const 0x7b)) (i32.eq (local.get $c) (i32.const 0x5b)))   ;; { [
          (then (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $next)))
        (if (i32.or (i32.eq (local.get $c) (i32.const 0x7d)) (i32.eq (local.get $c) (i32.const 0x5d)))   ;; } ]
          (then (br_if $done (i32.eqz (local.get $depth)))
                (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br_if $done (i32.eqz (local.get $depth)))
                (br $next)))
        (br_if $done (i32.and (i32.eq (local.get $c) (i32.const 0x2c)) (i32.eqz (local.get $depth))))   ;; ,
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $p))

  ;; 0 when the object at $p (its '{') has a top-level "context" that is neither an object nor null,
  ;; as Go's decoder into map[string]interface{} would reject it; 1 otherwise. Only this field is
  ;; checked; malformed JSON is left alone (the plugin answers it like any object).
  (func $context_ok (param $p i32) (param $end i32) (result i32)
    (local $key i32) (local $c i32)
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (loop $member
      (local.set $p (call $skip_blanks (local.get $p) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const 1))))
      (local.set $c (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $c) (i32.const 0x2c))   ;; , between members
        (then (local.set $p (i32.add (local.get $p) (i32.const 1))) (br $member)))
      (if (i32.ne (local.get $c) (i32.const 0x22)) (then (return (i32.const 1))))   ;; '}' or malformed
      (local.set $key (i32.add (local.get $p) (i32.const 1)))
      (local.set $p (call $skip_string (local.get $p) (local.get $end)))
      (local.set $p (call $skip_blanks (local.get $p) (local.get $end)))
      (local.set $p (call $skip_blanks (i32.add (local.get $p) (i32.const 1)) (local.get $end)))   ;; past ':'
      (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const 1))))
      ;; the key is exactly "context": 7 bytes matching the data at 116, then the closing quote
      ;; (compared only when 8 bytes remain, so no load runs past the input)
      (if (i32.le_u (i32.add (local.get $key) (i32.const 8)) (local.get $end))
        (then (if (i32.and (i32.eq (i32.load8_u (i32.add (local.get $key) (i32.const 7))) (i32.const 0x22))
                           (i32.and (i32.eq (i32.load (local.get $key)) (i32.load (i32.const 116)))
                                    (i32.eq (i32.load (i32.add (local.get $key) (i32.const 3))) (i32.load (i32.const 119)))))
                (then (local.set $c (i32.load8_u (local.get $p)))
                      (return (i32.or (i32.eq (local.get $c) (i32.const 0x7b)) (i32.eq (local.get $c) (i32.const 0x6e))))))))   ;; { or n(ull)
      (local.set $p (call $skip_value (local.get $p) (local.get $end)))
      (br $member))
    (i32.const 1))

  ;; First byte at or after $p that is not a blank (space, \t, \n, \r), or $end.
  (func $skip_blanks (param $p i32) (param $end i32) (result i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (br_if $done (i32.eqz (i32.or (i32.or (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x20))
                                              (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x09)))
                                      (i32.or (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x0a))
                                              (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x0d))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $p))

  ;; Answers prefix ++ message ++ "\"}" in a fresh block, packed. The message is empty for input whose
  ;; first non-blank byte is '{', "no input data" for empty input, and "invalid input: ..." otherwise.
  (func $reply (param $in i32) (param $in_len i32) (param $pre i32) (param $pre_len i32) (result i64)
    (local $end i32) (local $msg i32) (local $msg_len i32) (local $out i32) (local $len i32)
    (local.set $end (i32.add (local.get $in) (local.get $in_len)))
    (local.set $in (call $skip_blanks (local.get $in) (local.get $end)))
    (if (i32.eqz (local.get $in_len))
      (then (local.set $msg (i32.const 64)) (local.set $msg_len (i32.const 13)))
      (else (if (i32.or (i32.ge_u (local.get $in) (local.get $end))
                        (i32.ne (i32.load8_u (local.get $in)) (i32.const 0x7b)))   ;; '{'
              (then (local.set $msg (i32.const 80)) (local.set $msg_len (i32.const 32))))))
    (if (i32.eqz (local.get $msg_len))   ;; a JSON object: its context must be an object or null
      (then (if (i32.eqz (call $context_ok (local.get $in) (local.get $end)))
              (then (local.set $msg (i32.const 960)) (local.set $msg_len (i32.const 40))))))
    (local.set $len (i32.add (i32.add (local.get $pre_len) (local.get $msg_len)) (i32.const 2)))
    (local.set $out (call $malloc (local.get $len)))
    (if (i32.eqz (local.get $out)) (then (unreachable)))   ;; out of memory
    (memory.copy (local.get $out) (local.get $pre) (local.get $pre_len))
    (memory.copy (i32.add (local.get $out) (local.get $pre_len)) (local.get $msg) (local.get $msg_len))
    (memory.copy (i32.add (i32.add (local.get $out) (local.get $pre_len)) (local.get $msg_len))
                 (i32.const 112) (i32.const 2))
    (call $pack (local.get $out) (local.get $len)))

  ;; ---- the bifrost-v2 exports ----
  (func (export "get_name") (result i64)
    (call $pack (i32.const 16) (i32.const 19)))   ;; static: the host may free it or not

  (func (export "init") (param $config i32) (param $config_len i32) (result i32)
    (i32.const 0))

  (func (export "http_pre_hook") (param $in i32) (param $len i32) (result i64)
    (call $reply (local.get $in) (local.get $len) (i32.const 128) (i32.const 75)))

  (func (export "http_post_hook") (param $in i32) (param $len i32) (result i64)
    (call $reply (local.get $in) (local.get $len) (i32.const 208) (i32.const 23)))

  (func (export "http_stream_chunk_hook") (param $in i32) (param $len i32) (result i64)
    (call $reply (local.get $in) (local.get $len) (i32.const 240) (i32.const 67)))

  (func (export "pre_hook") (param $in i32) (param $len i32) (result i64)
    (drop (call $path_open (i32.const 3) (i32.const 0) (i32.const 1000) (i32.const 11) (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 1012)))
    (call $reply (local.get $in) (local.get $len) (i32.const 320) (i32.const 85)))

  (func (export "post_hook") (param $in i32) (param $len i32) (result i64)
    (call $reply (local.get $in) (local.get $len) (i32.const 416) (i32.const 75)))

  (func (export "cleanup") (result i32)
    (i32.const 0))
)
