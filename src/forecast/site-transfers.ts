/**
 * The per-outlet transfers of sites, TRANSFER_LANES sites (a tile) at a time (DESIGN §11):
 *   transfer_cj = s Σ_i (w_i P_ic) P_ij
 * over the demand points i the site c reaches and the own outlets j that reach i. The forecast scans
 * leave w_i P_ic in the site's lane of the interleaved share column; a tile's sums then take one pass
 * over the union of its sites' slices and the own pairs of each point (in WebAssembly SIMD,
 * transfers-wat.ts, or the same loop here), and each site keeps its `top` largest.
 * Each site's sums add the same terms in the same order as a site alone would (points in index
 * order; a point outside a site's slices adds 0), so a tile changes no value.
 */
import type { OwnPairs, TileTransfers } from '../kernel/wasm/forecast-scan.ts';
import { TRANSFER_LANES } from '../kernel/wasm/transfers-wat.ts';
import type { Transfer } from './forecast-sites.ts';

export class SiteTransfers {
  /** Each lane's slices, 2·rangePairs i32 a lane. */
  private readonly slices: Int32Array;
  private readonly counts = new Int32Array(TRANSFER_LANES);
  private readonly intervals: Int32Array;
  private readonly loss: Float64Array;

  /**
   * `share`: the interleaved column the scans write; `simd`: the bound WebAssembly sums, or null for
   * the loop below (`pairs` are then read from here).
   */
  constructor(private readonly pairs: OwnPairs, private readonly share: Float64Array, private readonly rangePairs: number, private readonly simd: TileTransfers | null) {
    this.slices = new Int32Array(2 * TRANSFER_LANES * rangePairs);
    this.intervals = simd ? simd.intervals : new Int32Array(2 * TRANSFER_LANES * rangePairs);
    this.loss = simd ? simd.loss : new Float64Array(TRANSFER_LANES * pairs.outlets);
  }

  /** The slices a site in `lane` was scanned over (ascending, as circleRanges writes them within one turn of longitude). */
  add(lane: number, ranges: Int32Array, spans: number): void {
    const at = 2 * lane * this.rangePairs;
    this.slices.set(ranges.subarray(0, 2 * spans), at);
    this.counts[lane] = spans;
    for (let r = 1; r < spans; r++) {
      if (ranges[2 * r] < ranges[2 * r - 1]) {
        // Across the antimeridian: put them in order, the merge needs it.
        const pairs = Array.from({ length: spans }, (_, q) => [ranges[2 * q], ranges[2 * q + 1]]).sort((a, b) => a[0] - b[0]);
        pairs.forEach(([b, e], q) => { this.slices[at + 2 * q] = b; this.slices[at + 2 * q + 1] = e; });
        break;
      }
    }
  }

  /** The tile's sums, then each lane's `top` largest transfers (× `scale`); clears the tile. */
  finish(scale: number, top: number): Transfer[][] {
    const count = this.union();
    if (this.simd) this.simd.accumulate(count);
    else accumulate(this.intervals, count, this.pairs, this.share, this.loss);
    this.counts.fill(0);
    return Array.from({ length: TRANSFER_LANES }, (_, lane) => largestTransfers(this.loss, lane, scale, top));
  }

  /** Merges the lanes' ascending slices into disjoint intervals (overlapping or touching ones joined). */
  private union(): number {
    const { slices, counts, intervals, rangePairs } = this;
    const next = new Int32Array(TRANSFER_LANES);
    let count = 0;
    for (;;) {
      let lane = -1, begin = Infinity;
      for (let l = 0; l < TRANSFER_LANES; l++) {
        if (next[l] < counts[l] && slices[2 * (l * rangePairs + next[l])] < begin) { lane = l; begin = slices[2 * (l * rangePairs + next[l])]; }
      }
      if (lane < 0) return count;
      const end = slices[2 * (lane * rangePairs + next[lane]) + 1];
      next[lane]++;
      if (count > 0 && begin <= intervals[2 * count - 1]) intervals[2 * count - 1] = Math.max(intervals[2 * count - 1], end);
      else { intervals[2 * count] = begin; intervals[2 * count + 1] = end; count++; }
    }
  }
}

/** The loop of transfers-wat.ts, for engines without WebAssembly SIMD. */
function accumulate(intervals: Int32Array, count: number, pairs: OwnPairs, share: Float64Array, loss: Float64Array): void {
  const { start, outlet, share: pshare } = pairs;
  const L = TRANSFER_LANES;
  for (let r = 0; r < count; r++) {
    for (let k = intervals[2 * r]; k < intervals[2 * r + 1]; k++) {
      const at = k * L;
      let any = false;
      for (let l = 0; l < L; l++) any ||= share[at + l] !== 0;
      if (!any) continue;
      for (let pair = start[k]; pair < start[k + 1]; pair++) {
        const row = outlet[pair] * L, p = pshare[pair];
        for (let l = 0; l < L; l++) loss[row + l] += share[at + l] * p;
      }
      share.fill(0, at, at + L);
    }
  }
}

/**
 * The `top` largest non-zero sums of `lane` times `scale`, largest first (ties: lower outlet first);
 * zeroes the lane for the next tile. A pass over every own outlet per site is cheaper than marking
 * the outlets met among the ~10⁵ pairs a site visits, for networks up to tens of thousands.
 */
export function largestTransfers(loss: Float64Array, lane: number, scale: number, top: number): Transfer[] {
  const list: Transfer[] = [];
  for (let j = 0, at = lane; at < loss.length; j++, at += TRANSFER_LANES) {
    if (loss[at] === 0) continue;
    const amount = scale * loss[at];
    loss[at] = 0;
    if (list.length === top) {
      if (!(amount > list[top - 1].amount)) continue;
      list.pop();
    }
    let place = list.length;
    while (place > 0 && list[place - 1].amount < amount) place--;
    list.splice(place, 0, { outlet: j, amount });
  }
  return list;
}
