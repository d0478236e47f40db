/**
 * Local search for MCLP after the greedy: the best swap of an open site for a closed one, repeated
 * while it covers more (Teitz & Bart's vertex substitution, evaluated as in fast interchange).
 * For a site f to open, one pass over the points it covers finds
 *   gain(f)     = weight of points nobody covers yet,
 *   extra(f, r) = weight of points only r covers that f would cover too,
 * and loss(r) = weight of points only r covers, so profit(f, r) = gain(f) − loss(r) + extra(f, r).
 * The one site covering a point is found without a list: the sum of its covering sites' indices.
 */
import type { FacilityCosts } from './problem.ts';

export function mclpSwap(costs: FacilityCosts, radius: number, open: number[], fixed: readonly number[], signal?: AbortSignal, deadline = Infinity): { open: number[]; swaps: number } {
  const { n, m, start, demand, cost, weights: w } = costs;
  const count = new Int32Array(n);
  const sum = new Float64Array(n);
  const isOpen = new Uint8Array(m);
  const isFixed = new Uint8Array(m);
  for (const j of fixed) isFixed[j] = 1;
  const toggle = (j: number, on: boolean) => {
    isOpen[j] = on ? 1 : 0;
    for (let k = start[j]; k < start[j + 1]; k++) {
      if (cost[k] > radius) continue;
      count[demand[k]] += on ? 1 : -1;
      sum[demand[k]] += on ? j : -j;
    }
  };
  for (const j of open) toggle(j, true);
  const loss = new Float64Array(m);
  const extra = new Float64Array(m);
  const touched: number[] = [];
  let swaps = 0;
  const eps = 1e-9 * Math.max(1, w.reduce((a, b) => a + b, 0));
  for (;;) {
    signal?.throwIfAborted();
    if (performance.now() > deadline) break;
    loss.fill(0);
    for (let i = 0; i < n; i++) if (count[i] === 1) loss[sum[i]] += w[i];
    const closable: number[] = [];
    for (let j = 0; j < m; j++) if (isOpen[j] && !isFixed[j]) closable.push(j);
    let best = { inn: -1, out: -1, profit: eps };
    for (let f = 0; f < m && closable.length > 0; f++) {
      if (isOpen[f]) continue;
      let gain = 0;
      for (let k = start[f]; k < start[f + 1]; k++) {
        if (cost[k] > radius) continue;
        const i = demand[k];
        if (count[i] === 0) gain += w[i];
        else if (count[i] === 1) {
          const r = sum[i];
          if (extra[r] === 0) touched.push(r);
          extra[r] += w[i];
        }
      }
      if (gain > best.profit) {
        for (const r of closable) {
          const profit = gain - loss[r] + extra[r];
          if (profit > best.profit) best = { inn: f, out: r, profit };
        }
      }
      for (const r of touched) extra[r] = 0;
      touched.length = 0;
    }
    if (best.inn < 0) break;
    toggle(best.out, false);
    toggle(best.inn, true);
    swaps++;
  }
  const result: number[] = [];
  for (let j = 0; j < m; j++) if (isOpen[j]) result.push(j);
  return { open: result, swaps };
}
