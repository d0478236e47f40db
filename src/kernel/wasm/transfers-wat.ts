/**
 * The WebAssembly text of the transfer sums (src/forecast/site-transfers.ts): for a tile of
 * TRANSFER_LANES sites at once, over the union of their visited demand points, every own pair (i, j)
 * of a point adds the sites' w_i·P_ic (one lane each) times P_ij to outlet j's lanes:
 *   loss[j][lane] += share[i][lane] · P_ij.
 * A site alone pays a scattered read–modify–write per own pair (≈ 350 000 pairs within 5 km of a site
 * in a dense city); a tile pays it once for its eight sites, as four f64x2 multiply–adds on one
 * cache line. Each point's shares are zeroed as they are read, so the share column is all zero again
 * for the next tile (the forecast scans write only the points of their own slices).
 */

/** Sites per tile: lanes of the interleaved share column and of the per-outlet sums. */
export const TRANSFER_LANES = 8;

export const TRANSFER_TILE_NAME = 'transfer_tile';

const VECTORS = TRANSFER_LANES / 2;
const ROW_SHIFT = Math.log2(8 * TRANSFER_LANES);

/**
 * `intervals`: `count` [begin, end) pairs of point indices (disjoint); `start`: n + 1 i32 (the own
 * pairs of point k are start[k] … start[k + 1] − 1); `outlet` i32 and `pshare` f64 per pair; `share`
 * and `loss`: TRANSFER_LANES f64 per point and per outlet. All byte pointers.
 */
export function transfersWat(): string {
  const lanes = Array.from({ length: VECTORS }, (_, v) => v);
  const shares = lanes.map((v) => `(local.get $s${v})`);
  const anyShare = shares.reduce((a, b) => `(v128.or ${a} ${b})`);
  return `(func (export "${TRANSFER_TILE_NAME}") (param $intervals i32) (param $count i32) (param $start i32) (param $outlet i32) (param $pshare i32) (param $share i32) (param $loss i32)
    (local $k i32) (local $end i32) (local $at i32) (local $p i32) (local $last i32) (local $l i32)
    ${lanes.map((v) => `(local $s${v} v128)`).join(' ')} (local $pj v128)
    (local.set $count (i32.add (local.get $intervals) (i32.shl (local.get $count) (i32.const 3))))
    (block $intervals_done (loop $intervals_loop
      (br_if $intervals_done (i32.ge_u (local.get $intervals) (local.get $count)))
      (local.set $k (i32.load (local.get $intervals)))
      (local.set $end (i32.load offset=4 (local.get $intervals)))
      (block $points_done (loop $points
        (br_if $points_done (i32.ge_s (local.get $k) (local.get $end)))
        (local.set $at (i32.add (local.get $share) (i32.shl (local.get $k) (i32.const ${ROW_SHIFT}))))
        ${lanes.map((v) => `(local.set $s${v} (v128.load offset=${16 * v} (local.get $at)))`).join('\n        ')}
        (if (v128.any_true ${anyShare}) (then
          ${lanes.map((v) => `(v128.store offset=${16 * v} (local.get $at) (v128.const i64x2 0 0))`).join('\n          ')}
          (local.set $p (i32.load (i32.add (local.get $start) (i32.shl (local.get $k) (i32.const 2)))))
          (local.set $last (i32.load offset=4 (i32.add (local.get $start) (i32.shl (local.get $k) (i32.const 2)))))
          (block $pairs_done (loop $pairs
            (br_if $pairs_done (i32.ge_s (local.get $p) (local.get $last)))
            (local.set $pj (v128.load64_splat (i32.add (local.get $pshare) (i32.shl (local.get $p) (i32.const 3)))))
            (local.set $l (i32.add (local.get $loss)
              (i32.shl (i32.load (i32.add (local.get $outlet) (i32.shl (local.get $p) (i32.const 2)))) (i32.const ${ROW_SHIFT}))))
            ${lanes.map((v) => `(v128.store offset=${16 * v} (local.get $l) (f64x2.add (v128.load offset=${16 * v} (local.get $l)) (f64x2.mul (local.get $s${v}) (local.get $pj))))`).join('\n            ')}
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $pairs)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $points)))
      (local.set $intervals (i32.add (local.get $intervals) (i32.const 8)))
      (br $intervals_loop))))`;
}
