/**
 * Fast interchange (Whitaker 1983, as organised by Resende & Werneck 2004): the best swap of one
 * open facility for one closed one, found in one pass over the nearest lists instead of trying
 * every pair. For a candidate f to open:
 *   gain(f)    = Σ_i w_i · max(0, d1_i − d_if)                 (points that move to f)
 *   loss(r)    = Σ_{i: a1_i = r} w_i · (d2_i − d1_i)           (closing r alone)
 *   extra(f,r) = what f gives back of loss(r): Σ_{a1_i = r, i near f} w_i · (d2_i − max(d_if, d1_i))⁺
 *   profit(f, r) = gain(f) − loss(r) + extra(f, r).
 * Points outside f's list see no change from f, so one pass over f's list is all it needs.
 */
import type { PMedianState } from './pmedian-state.ts';

export interface Swap {
  inn: number;
  out: number;
  profit: number;
}

export class Interchange {
  private readonly loss: Float64Array;
  private readonly extra: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly state: PMedianState,
    private readonly fixed: Uint8Array,
  ) {
    this.loss = new Float64Array(state.lists.m);
    this.extra = new Float64Array(state.lists.m);
    this.touched = new Int32Array(state.lists.m);
  }

  /** The most profitable single swap (profit may be <= 0: none improves). */
  best(): Swap {
    const s = this.state;
    const { n, m, fstart, fdemand, fcost } = s.lists;
    const w = s.weights;
    const loss = this.loss;
    const extra = this.extra;
    loss.fill(0);
    for (let i = 0; i < n; i++) if (s.a1[i] >= 0) loss[s.a1[i]] += w[i] * (s.d2[i] - s.d1[i]);
    const closable: number[] = [];
    for (let j = 0; j < m; j++) if (s.open[j] && !this.fixed[j]) closable.push(j);
    let best: Swap = { inn: -1, out: -1, profit: -Infinity };
    if (closable.length === 0) return best;
    for (let f = 0; f < m; f++) {
      if (s.open[f]) continue;
      let gain = 0;
      let nt = 0;
      for (let t = fstart[f]; t < fstart[f + 1]; t++) {
        const i = fdemand[t];
        const c = fcost[t];
        const d1 = s.d1[i];
        if (c >= s.d2[i]) continue;
        if (c < d1) gain += w[i] * (d1 - c);
        const r = s.a1[i];
        if (r < 0) continue;
        if (extra[r] === 0) this.touched[nt++] = r;
        extra[r] += w[i] * (s.d2[i] - Math.max(c, d1));
      }
      for (const r of closable) {
        const profit = gain - loss[r] + extra[r];
        if (profit > best.profit) best = { inn: f, out: r, profit };
      }
      for (let t = 0; t < nt; t++) extra[this.touched[t]] = 0;
    }
    return best;
  }

  /** Swap while some swap improves by more than `eps`; returns the number of swaps made. */
  descend(eps: number, signal?: AbortSignal, deadline = Infinity): number {
    let moves = 0;
    for (;;) {
      signal?.throwIfAborted();
      if (performance.now() > deadline) return moves;
      const b = this.best();
      if (!(b.profit > eps)) return moves;
      this.state.swap(b.inn, b.out);
      moves++;
    }
  }
}
