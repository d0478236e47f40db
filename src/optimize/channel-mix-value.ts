/**
 * What a set of open outlets achieves in the channel-mix model, the same whichever solver chose
 * it: per demand point the value of the best outlet type within its radius, the runner-up (so
 * each outlet's marginal value — what is lost without it alone — comes from one pass), and the
 * demand each type serves.
 */
import type { ChannelMixProblem } from './channel-mix-problem.ts';

/** An open outlet: facility j as type t. */
export interface OpenOutlet {
  j: number;
  t: number;
}

export interface MixValue {
  objective: number;
  /** Demand weight within reach of some open outlet. */
  served: number;
  /** Per type: demand weight whose best outlet in reach is of this type. */
  servedByType: Float64Array;
  /** Per open outlet (same order as given): objective lost without it alone. */
  marginal: Float64Array;
  /** Per open outlet: demand weight within its type's radius. */
  withinRadius: Float64Array;
  /** Per demand point: the best value in reach (0 where none), for greedy gains. */
  best: Float64Array;
}

export function existingOutlets(problem: ChannelMixProblem): OpenOutlet[] {
  const out: OpenOutlet[] = [];
  problem.existingType.forEach((t, j) => {
    if (t >= 0) out.push({ j, t });
  });
  return out;
}

export function mixValue(problem: ChannelMixProblem, open: readonly OpenOutlet[]): MixValue {
  const { costs, types } = problem;
  const best = new Float64Array(costs.n);
  const second = new Float64Array(costs.n);
  const holder = new Int32Array(costs.n).fill(-1);
  const withinRadius = new Float64Array(open.length);
  open.forEach(({ j, t }, o) => {
    const { radius, value } = types[t];
    for (let k = costs.start[j]; k < costs.start[j + 1]; k++) {
      if (costs.cost[k] > radius) continue;
      const i = costs.demand[k];
      withinRadius[o] += costs.weights[i];
      if (value > best[i]) {
        second[i] = best[i];
        best[i] = value;
        holder[i] = o;
      } else if (value > second[i]) second[i] = value;
    }
  });
  const servedByType = new Float64Array(types.length);
  const marginal = new Float64Array(open.length);
  let objective = 0;
  let served = 0;
  for (let i = 0; i < costs.n; i++) {
    if (holder[i] < 0) continue;
    const w = costs.weights[i];
    objective += w * best[i];
    served += w;
    servedByType[open[holder[i]].t] += w;
    marginal[holder[i]] += w * (best[i] - second[i]);
  }
  return { objective, served, servedByType, marginal, withinRadius, best };
}
