/**
 * The bundle door of the channel mix: the scenario's outlet types (cost, radius, attractiveness)
 * and channelMix section, demand × candidates within the largest radius (problemFromBundle), the
 * own network as existing outlets of their type, and each site's district by containment.
 */
import { UsageError } from '../errors.ts';
import type { LoadedBundle } from '../data/layer.ts';
import { assignPointsToPolygons } from '../geo/containment.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ChannelMixProblem, ChannelType, MixDistricts } from './channel-mix-problem.ts';
import { problemFromBundle, type BundleProblemOptions } from './from-bundle.ts';

export interface ChannelMixBundleOptions {
  /** Overrides the scenario's channelMix.budget. */
  budget?: number;
  signal?: AbortSignal;
  pairs?: BundleProblemOptions['pairs'];
}

function mixTypes(scenario: Scenario): ChannelType[] {
  const spec = scenario.channelMix;
  const names = spec?.types ?? Object.keys(scenario.outletTypes).filter((t) => scenario.outletTypes[t].cost !== undefined);
  if (names.length === 0) throw new UsageError('no outlet type has a cost: give outletTypes.<type>.cost in the scenario (e.g. "branch": { "radius": 2000, "attractiveness": 1, "cost": 300 })');
  return names.map((name) => {
    const t = Object.hasOwn(scenario.outletTypes, name) ? scenario.outletTypes[name] : undefined;
    if (!t) throw new UsageError(`channelMix.types names '${name}', which is not one of outletTypes (${Object.keys(scenario.outletTypes).join(', ')})`);
    if (t.cost === undefined) throw new UsageError(`outletTypes.${name} has no cost; add "cost" to it in the scenario`);
    return { name, cost: t.cost, radius: t.radius, value: t.attractiveness };
  });
}

/** Type index by name, case-insensitively (own-network files write 'Branch', 'ATM' …). */
function typeLookup(types: ChannelType[]): (name: string) => number {
  const index = new Map(types.map((t, i) => [t.name.toLowerCase(), i]));
  return (name) => index.get(name.trim().toLowerCase()) ?? -1;
}

function districtsOf(bundle: LoadedBundle, problem: ReturnType<typeof problemFromBundle>): { districts?: MixDistricts; note?: string } {
  const layer = bundle.districts;
  if (!layer || !problem.locations) return {};
  const of = assignPointsToPolygons(problem.locations.lon, problem.locations.lat, layer.geometries);
  const pop = layer.numeric.population;
  const residents = new Float64Array(layer.ids.length);
  let note: string | undefined;
  if (pop && pop.every((x) => Number.isFinite(x) && x >= 0)) residents.set(pop);
  else {
    const demand = bundle.demand!;
    const col = demand.numeric.population ?? demand.numeric.weight;
    const inside = assignPointsToPolygons(demand.lon, demand.lat, layer.geometries);
    inside.forEach((d, i) => {
      if (d >= 0) residents[d] += col ? (Number.isFinite(col[i]) && col[i] > 0 ? col[i] : 0) : 1;
    });
    note = 'district residents summed from the demand points inside each (the districts layer has no complete population column)';
  }
  return { districts: { of, names: layer.names.map((n, i) => n || layer.ids[i]), residents }, note };
}

export function channelMixFromBundle(bundle: LoadedBundle, scenario: Scenario, opts: ChannelMixBundleOptions = {}): { problem: ChannelMixProblem; notes: string[] } {
  const spec = scenario.channelMix;
  const budget = opts.budget ?? spec?.budget;
  if (budget === undefined) throw new UsageError('the channel mix needs a budget: give --budget N or "channelMix": { "budget": N } in the scenario');
  const types = mixTypes(scenario);
  const radius = Math.max(...types.map((t) => t.radius));
  const base = problemFromBundle(bundle, { model: 'mclp', radius, scenario, signal: opts.signal, pairs: opts.pairs });
  const { m } = base.costs;
  const T = types.length;
  const lookup = typeLookup(types);
  const notes: string[] = [];
  const candidates = bundle.candidates;
  const nCand = candidates?.ids.length ?? m - (bundle.network?.ids.length ?? 0);
  const existingType = new Int32Array(m).fill(-1);
  const allowed = new Uint8Array(m * T).fill(1);
  const network = bundle.network;
  if (network) {
    const other = new Map<string, number>();
    network.ids.forEach((_, k) => {
      const j = nCand + k;
      const name = network.text.type?.[k] ?? '';
      existingType[j] = lookup(name);
      allowed.fill(0, j * T, (j + 1) * T);
      if (existingType[j] < 0) other.set(name || '(none)', (other.get(name || '(none)') ?? 0) + 1);
    });
    if (other.size > 0) notes.push(`own outlets of other types neither count nor serve in the mix: ${[...other].map(([t, c]) => `${c} ${t}`).join(', ')}`);
  }
  const column = spec?.typesColumn;
  if (column !== undefined) {
    const values = candidates?.text[column];
    if (!candidates || !values) throw new UsageError(`channelMix.typesColumn '${column}' is not a text column of the candidates; map it in bundle.json or drop typesColumn`);
    values.forEach((v, j) => {
      const names = v.split(/[|,;]/).map((s) => s.trim()).filter((s) => s !== '');
      if (names.length === 0) return;
      allowed.fill(0, j * T, (j + 1) * T);
      for (const name of names) {
        const t = lookup(name);
        if (t < 0) throw new UsageError(`candidate '${candidates.ids[j]}' lists type '${name}' in column '${column}', which is not one of the mix types (${types.map((x) => x.name).join(', ')}); fix the value or add the type`);
        allowed[j * T + t] = 1;
      }
    });
  }
  const { districts, note } = districtsOf(bundle, base);
  if (note) notes.push(note);
  if (districts) {
    let outside = 0;
    for (let j = 0; j < nCand; j++) if (districts.of[j] < 0) outside++;
    if (outside > 0) notes.push(`${outside} candidate(s) lie outside every district: no per-district rule counts them`);
  }
  const problem: ChannelMixProblem = { costs: base.costs, types, budget, existingType, allowed, districts, rules: spec?.rules ?? [], locations: base.locations };
  return { problem, notes };
}
