/**
 * The working state of a p-median local search over nearest lists: which facilities are open,
 * and for every demand point its nearest and second-nearest open facility (Whitaker 1983; the
 * data of Resende & Werneck 2004). A point with no open facility in its list is charged `far[i]`:
 * its cap when the list is capped, else a large penalty that makes the search reach it.
 */
import type { NearestLists } from './nearest-lists.ts';

export class PMedianState {
  readonly open: Uint8Array;
  readonly a1: Int32Array;
  readonly d1: Float64Array;
  readonly a2: Int32Array;
  readonly d2: Float64Array;
  readonly far: Float64Array;
  /** Σ w_i · d1_i. */
  value = 0;

  constructor(
    readonly lists: NearestLists,
    readonly weights: Float64Array,
  ) {
    const { n, m } = lists;
    this.open = new Uint8Array(m);
    this.a1 = new Int32Array(n);
    this.d1 = new Float64Array(n);
    this.a2 = new Int32Array(n);
    this.d2 = new Float64Array(n);
    let maxCost = 0;
    for (const c of lists.cost) if (c > maxCost) maxCost = c;
    const penalty = 16 * (maxCost + 1);
    this.far = Float64Array.from(lists.cap, (c) => (Number.isFinite(c) ? c : penalty));
  }

  /** Nearest and second-nearest open facility of point i, from its list. */
  locate(i: number): void {
    const { start, facility, cost } = this.lists;
    let a1 = -1;
    let d1 = this.far[i];
    let a2 = -1;
    let d2 = this.far[i];
    for (let t = start[i]; t < start[i + 1]; t++) {
      if (!this.open[facility[t]]) continue;
      if (a1 < 0) {
        a1 = facility[t];
        d1 = cost[t];
      } else {
        a2 = facility[t];
        d2 = cost[t];
        break;
      }
    }
    this.a1[i] = a1;
    this.d1[i] = d1;
    this.a2[i] = a2;
    this.d2[i] = d2;
  }

  /** Open exactly `set` and recompute everything. */
  reset(set: Iterable<number>): void {
    this.open.fill(0);
    for (const j of set) this.open[j] = 1;
    this.value = 0;
    for (let i = 0; i < this.lists.n; i++) {
      this.locate(i);
      this.value += this.weights[i] * this.d1[i];
    }
  }

  /** Close `out` (or -1) and open `inn` (or -1), updating only the points they touch. */
  swap(inn: number, out: number): void {
    const { fstart, fdemand } = this.lists;
    if (out >= 0) this.open[out] = 0;
    if (inn >= 0) this.open[inn] = 1;
    const w = this.weights;
    if (out >= 0) {
      for (let t = fstart[out]; t < fstart[out + 1]; t++) {
        const i = fdemand[t];
        if (this.a1[i] === out || this.a2[i] === out) this.relocate(i, w[i]);
      }
    }
    if (inn >= 0) {
      for (let t = fstart[inn]; t < fstart[inn + 1]; t++) {
        const i = fdemand[t];
        if (this.lists.fcost[t] < this.d2[i]) this.relocate(i, w[i]);
      }
    }
  }

  private relocate(i: number, w: number): void {
    this.value -= w * this.d1[i];
    this.locate(i);
    this.value += w * this.d1[i];
  }

  openList(): number[] {
    const out: number[] = [];
    this.open.forEach((o, j) => {
      if (o) out.push(j);
    });
    return out;
  }
}
