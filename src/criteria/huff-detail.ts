/**
 * The Huff model outlet by outlet for each candidate (issue 12: "report per-outlet Huff
 * probabilities, not only the candidate's"): with the candidate c open beside the own network and
 * the competitors, for every outlet j that serves c's trade area (the demand within the cut-off of
 * c), the mean probability P_ij over that demand (weighted by it) before and after c opens, and
 * j's captured demand before and after. Opening c changes P only at demand within the cut-off of c,
 * and only outlets within twice the cut-off serve it, so each candidate costs its own neighbourhood.
 * The sums agree with the criteria: c's capture is huff_share's capture, and the own outlets' loss
 * is cannibalisation.
 */
import { BundleError } from '../errors.ts';
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import { linkBundle } from '../data/link-bundle.ts';
import { createKernel } from '../kernel/index.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { haversine } from '../geo/haversine.ts';
import type { WeightedPoints } from '../kernel/types.ts';
import type { HuffModel } from './huff.ts';
import { huffCaptures } from './huff-matrix.ts';
import { BundleInputs, type BrandFilter } from './inputs.ts';

export type HuffOutletKind = 'candidate' | 'own' | 'competitor';

/** One candidate × outlet pair. Probabilities are demand-weighted means over c's trade area. */
export interface HuffDetailRow {
  candidate: string;
  outlet: string;
  kind: HuffOutletKind;
  attractiveness: number;
  probabilityBefore: number;
  probabilityAfter: number;
  captureBefore: number;
  captureAfter: number;
}

/** Which demand column and competitor brands, as a huff_share criterion names them. */
export interface HuffDetailOptions extends BrandFilter {
  column: string;
}

interface Outlet {
  id: string;
  kind: HuffOutletKind;
  lon: number;
  lat: number;
  /** A^α */
  pull: number;
  attractiveness: number;
  captureBefore: number;
}

/**
 * The convenience door: the scenario's Huff settings and its first huff_share (else
 * cannibalisation) criterion's demand column and brands.
 */
export function bundleHuffDetail(bundle: LoadedBundle, scenario: Scenario, sites: PointLayer): HuffDetailRow[] {
  if (!bundle.demand) throw new BundleError('bundle.json', 'the bundle has no demand layer, so there is no Huff model to detail; add a demand layer to bundle.json.');
  const spec = scenario.criteria.find((c) => c.kind === 'huff_share') ?? scenario.criteria.find((c) => c.kind === 'cannibalisation');
  const opts: HuffDetailOptions = spec && (spec.kind === 'huff_share' || spec.kind === 'cannibalisation')
    ? { column: spec.column, brands: spec.brands, excludeBrands: spec.excludeBrands }
    : { column: 'population' };
  return huffDetail(new BundleInputs(bundle, scenario, linkBundle(bundle), createKernel()), sites, opts);
}

/** Rows per candidate in site order: the candidate, then the outlets it meets, by id within kind (own, competitor). */
export function huffDetail(inputs: BundleInputs, sites: PointLayer, opts: HuffDetailOptions): HuffDetailRow[] {
  const model = inputs.huff;
  const demand = inputs.demand(opts.column, `the Huff detail's demand column`);
  const own = inputs.own();
  const { points: rivals, index: rivalIndex } = inputs.competitors(opts, true);
  const network = inputs.bundle.network;
  const competitors = inputs.bundle.competitors;
  const before = huffCaptures(demand, concat(own, rivals), model);
  const outlets: Outlet[] = [
    ...Array.from(own.lon, (_, j) => outlet(network?.ids[j] ?? '', 'own', own, j, model.alpha, before[j])),
    ...Array.from(rivals.lon, (_, k) => outlet(competitors?.ids[rivalIndex[k]] ?? '', 'competitor', rivals, k, model.alpha, before[own.lon.length + k])),
  ];
  const attractiveness = inputs.candidateAttractiveness(sites);
  const rows: HuffDetailRow[] = [];
  for (let c = 0; c < sites.ids.length; c++) {
    const site: Outlet = { id: sites.ids[c], kind: 'candidate', lon: sites.lon[c], lat: sites.lat[c], pull: attractiveness[c] ** model.alpha, attractiveness: attractiveness[c], captureBefore: 0 };
    rows.push(...candidateRows(site, near(outlets, site, 2 * model.cutoff), demand, model));
  }
  return rows;
}

function outlet(id: string, kind: HuffOutletKind, points: WeightedPoints, j: number, alpha: number, captureBefore: number): Outlet {
  return { id, kind, lon: points.lon[j], lat: points.lat[j], pull: points.weight[j] ** alpha, attractiveness: points.weight[j], captureBefore };
}

function concat(a: WeightedPoints, b: WeightedPoints): WeightedPoints {
  const join = (x: Float64Array, y: Float64Array) => {
    const out = new Float64Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return { lon: join(a.lon, b.lon), lat: join(a.lat, b.lat), weight: join(a.weight, b.weight) };
}

function near(outlets: Outlet[], site: Outlet, radius: number): Outlet[] {
  return outlets.filter((o) => haversine(site.lon, site.lat, o.lon, o.lat) <= radius);
}

function candidateRows(site: Outlet, outlets: Outlet[], demand: WeightedPoints, model: HuffModel): HuffDetailRow[] {
  const all = [site, ...outlets];
  const m = all.length;
  const pBefore = new Float64Array(m);
  const pAfter = new Float64Array(m);
  const gain = new Float64Array(m);
  let tradeArea = 0;
  const u = new Float64Array(m);
  for (let i = 0; i < demand.lon.length; i++) {
    const w = demand.weight[i];
    if (!(w > 0) || !(haversine(site.lon, site.lat, demand.lon[i], demand.lat[i]) <= model.cutoff)) continue;
    let rest = 0;
    for (let j = 0; j < m; j++) {
      const d = haversine(demand.lon[i], demand.lat[i], all[j].lon, all[j].lat);
      u[j] = d <= model.cutoff ? all[j].pull * Math.max(d, model.floor) ** -model.beta : 0;
      if (j > 0) rest += u[j];
    }
    const total = rest + u[0];
    tradeArea += w;
    for (let j = 0; j < m; j++) {
      const after = total > 0 ? u[j] / total : 0;
      const prior = j > 0 && rest > 0 ? u[j] / rest : 0;
      pAfter[j] += w * after;
      pBefore[j] += w * prior;
      gain[j] += w * (after - prior);
    }
  }
  const order = [0, ...Array.from({ length: m - 1 }, (_, k) => k + 1).filter((j) => pBefore[j] > 0 || pAfter[j] > 0)
    .sort((a, b) => (all[a].kind === all[b].kind ? (all[a].id < all[b].id ? -1 : all[a].id > all[b].id ? 1 : 0) : all[a].kind === 'own' ? -1 : 1))];
  return order.map((j) => ({
    candidate: site.id,
    outlet: all[j].id,
    kind: all[j].kind,
    attractiveness: all[j].attractiveness,
    probabilityBefore: tradeArea > 0 ? pBefore[j] / tradeArea : 0,
    probabilityAfter: tradeArea > 0 ? pAfter[j] / tradeArea : 0,
    captureBefore: all[j].captureBefore,
    captureAfter: all[j].captureBefore + gain[j],
  }));
}
