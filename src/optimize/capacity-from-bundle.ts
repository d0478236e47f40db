/**
 * Capacities of a bundle problem's facilities (problemFromBundle: candidates, then the own network
 * as 'own:ID'), from the most specific source given: the facility's own numeric column, else its
 * type's capacity (own outlets: their `type`; candidates: their `type` column, else the scenario's
 * candidate type), else one number for all. A facility left with none is refused by name.
 */
import { UsageError } from '../errors.ts';
import type { LoadedBundle, PointLayer } from '../data/layer.ts';

export interface CapacitySources {
  /** Numeric column of the candidates (and of the own network, where it has one). */
  column?: string;
  /** Capacity per outlet type, e.g. { branch: 5000, agent: 2000 } (type names case-insensitive). */
  byType?: Record<string, number>;
  /** One capacity for every facility the sources above leave out. */
  uniform?: number;
  /** The type of a candidate without a `type` column (the scenario's candidateType). */
  candidateType?: string;
}

function check(value: number, what: string): number {
  if (!(value >= 0)) throw new UsageError(`${what} is ${value}: capacities must be numbers >= 0`);
  return value;
}

export function capacitiesFromBundle(bundle: LoadedBundle, candidates: PointLayer | undefined, m: number, sources: CapacitySources): Float64Array {
  const byType = new Map(Object.entries(sources.byType ?? {}).map(([t, c]) => [t.trim().toLowerCase(), check(c, `the capacity of type '${t}'`)]));
  if (sources.uniform !== undefined) check(sources.uniform, 'the capacity');
  const capacity = new Float64Array(m);
  // problemFromBundle's order: the candidates (or a lattice, which has no columns), then the network.
  const nCand = m - (bundle.network?.ids.length ?? 0);
  for (let j = 0; j < m; j++) {
    const layer = j < nCand ? candidates : bundle.network;
    const row = j < nCand ? j : j - nCand;
    const id = !layer ? `lattice site ${j}` : `${j < nCand ? 'candidate' : 'own outlet'} '${layer.ids[row]}'`;
    const fallbackType = j < nCand ? (sources.candidateType ?? '') : '';
    const own = sources.column !== undefined ? layer?.numeric[sources.column]?.[row] : undefined;
    if (own !== undefined && !Number.isNaN(own)) {
      capacity[j] = check(own, `${id}'s ${sources.column}`);
      continue;
    }
    const type = (layer?.text.type?.[row] || fallbackType).trim().toLowerCase();
    const typed = byType.get(type);
    if (typed !== undefined) capacity[j] = typed;
    else if (sources.uniform !== undefined) capacity[j] = sources.uniform;
    else {
      const tried = [sources.column !== undefined ? `no value in column '${sources.column}'` : '', byType.size > 0 ? `type '${type || '(none)'}' has no capacity in --capacity-type` : ''].filter((s) => s !== '');
      throw new UsageError(`${id} has no capacity (${tried.join('; ')}); fill it in, add its type to --capacity-type, or give --capacity W for the rest`);
    }
  }
  return capacity;
}
