;; The int8 dot-product kernel of the dense search's first pass (lib/search/int8-rows.ts).
;; Built into lib/search/int8-dot-wasm.ts by `npm run build:wasm` (wabt's wat2wasm);
;; lib/search/int8-dot-wasm.test.ts rebuilds it and fails when the two differ.
;;
;; scoreRows(rows, count, stride, query, out): for each of `count` int8 rows of `stride`
;; bytes starting at `rows`, stores the int32 dot product with the int8 query at `query`
;; into the next i32 at `out`. `stride` is a positive multiple of 16 (rows zero-padded).
;; Values are in -127..127, so each product fits i16 and so does the sum of two
;; (2 × 127² = 32,258 < 32,767) before widening to i32.
(module
  (import "env" "memory" (memory 1))
  (func (export "scoreRows")
    (param $rows i32) (param $count i32) (param $stride i32) (param $query i32) (param $out i32)
    (local $end i32) (local $i i32) (local $acc v128) (local $r v128) (local $q v128)
    (local.set $end (i32.add (local.get $rows) (i32.mul (local.get $count) (local.get $stride))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $i (i32.const 0))
        (loop $sixteen
          (local.set $r (v128.load (i32.add (local.get $rows) (local.get $i))))
          (local.set $q (v128.load (i32.add (local.get $query) (local.get $i))))
          (local.set $acc
            (i32x4.add (local.get $acc)
              (i32x4.extadd_pairwise_i16x8_s
                (i16x8.add
                  (i16x8.extmul_low_i8x16_s (local.get $r) (local.get $q))
                  (i16x8.extmul_high_i8x16_s (local.get $r) (local.get $q))))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br_if $sixteen (i32.lt_u (local.get $i) (local.get $stride))))
        (i32.store (local.get $out)
          (i32.add
            (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
            (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $rows (i32.add (local.get $rows) (local.get $stride)))
        (br $row)))))
