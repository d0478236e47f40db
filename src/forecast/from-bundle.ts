/**
 * The bundle doors of the forecast API: `calibrate` reads the own network's observed column and
 * attributes, demand and competitors the way the Huff criteria do (BundleInputs: the scenario's
 * outlet-type attractiveness × attractiveness columns, cut-off and floor) and calls calibrateModel;
 * `forecast` does the same for a site layer and calls forecastSites.
 */
import { UsageError } from '../errors.ts';
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import type { BundleLinks } from '../data/link-bundle.ts';
import { BundleInputs } from '../criteria/inputs.ts';
import { createKernel } from '../kernel/index.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { RawTable } from '../io/raw-table.ts';
import { calibrateModel } from './calibrate-model.ts';
import { originFlows } from './flows-table.ts';
import type { Calibration } from './calibration.ts';
import { forecastSites, shapeOf, type SiteForecasts, type SitesToForecast } from './forecast-sites.ts';
import { prepareHuff, type ForecastPoints, type PreparedHuff } from './huff-data.ts';
import { marketState, type MarketState } from './market-state.ts';
import type { DecayForm } from './model.ts';
import { fingerprint } from './fingerprint.ts';

export interface CalibrateOptions {
  /** The network layer's numeric column to fit [the `observed` role of bundle.json]. */
  observed?: string;
  /** Customers by origin and outlet (flows-table.ts): fitted by the flows likelihood instead of a column. */
  flows?: RawTable;
  /** Own-network attribute columns, one exponent γ each; none → fit α on the attractiveness. */
  attributes?: string[];
  /** Fit α besides the attributes' γ (default: only without attributes). */
  fitAlpha?: boolean;
  decay?: DecayForm;
  /** Demand weight column [population]. */
  demandColumn?: string;
  folds?: number;
  baselineRadius?: number;
  /** Demand cell side for the fit [100 m]; 0: every point. */
  demandCellMetres?: number;
  maxIterations?: number;
  signal?: AbortSignal;
}

/** Calibration needs no areas: the links stay empty. */
const NO_LINKS: BundleLinks = { districtRegion: new Int32Array(0), pointDistrict: {}, pointRegion: {} };

/** The inputs the Huff criteria use, for a calibration outside a funnel run. */
export function huffInputs(bundle: LoadedBundle, scenario: Scenario, signal?: AbortSignal): BundleInputs {
  return new BundleInputs(bundle, scenario, NO_LINKS, createKernel(), signal);
}

function numericColumn(layer: PointLayer, column: string, what: string): Float64Array {
  const values = layer.numeric[column];
  if (values) return values;
  const known = Object.keys(layer.numeric);
  throw new UsageError(`${what}: the ${layer.layer} layer has no numeric column "${column}" (it has: ${known.length ? known.join(', ') : 'none'})`);
}

function pointsFor(inputs: BundleInputs, network: PointLayer, demandColumn: string, attributes: string[]): ForecastPoints {
  return {
    demand: inputs.demand(demandColumn, 'calibration'),
    own: inputs.own(),
    competitors: inputs.competitors({}, true).points,
    attributes: Object.fromEntries(attributes.map((a) => [a, numericColumn(network, a, `attribute "${a}"`)])),
  };
}

export function calibrate(bundle: LoadedBundle, scenario: Scenario, options: CalibrateOptions = {}): Calibration {
  const network = bundle.network;
  if (!network) throw new UsageError('the bundle has no network layer: a calibration fits the own outlets\' observed values');
  if (!bundle.demand) throw new UsageError('the bundle has no demand layer: a calibration spreads demand over the outlets');
  const read = options.flows ? originFlows(options.flows, bundle.demand.ids, network.ids) : undefined;
  const observedName = read ? `${options.flows!.file} count` : options.observed ?? 'observed';
  const observed = read ? undefined : numericColumn(network, observedName, options.observed ? `--observed ${observedName}` : 'the observed column (map columns.observed in bundle.json, or name it with --observed)');
  const demandColumn = options.demandColumn ?? 'population';
  const inputs = huffInputs(bundle, scenario, options.signal);
  const calibration = calibrateModel(pointsFor(inputs, network, demandColumn, options.attributes ?? []), {
    observed,
    flows: read?.flows,
    ids: network.ids,
    observedName,
    demandColumn,
    decay: options.decay,
    fitAlpha: options.fitAlpha,
    alpha: scenario.huff.alpha,
    beta: scenario.huff.beta,
    cutoff: scenario.huff.cutoff,
    floor: scenario.huff.floor,
    folds: options.folds,
    baselineRadius: options.baselineRadius,
    demandCellMetres: options.demandCellMetres,
    maxIterations: options.maxIterations,
    signal: options.signal,
  });
  if (read && read.rejects.length > 0) {
    const shown = read.rejects.slice(0, 5).map((r) => `row ${r.row}: ${r.reason}`).join('; ');
    calibration.warnings.unshift(`${options.flows!.file}: ${read.read - read.rejects.length} of ${read.read} rows used, ${read.rejects.length} rejected (${shown}${read.rejects.length > 5 ? '; …' : ''})`);
  }
  return calibration;
}

export interface BundleForecasts extends SiteForecasts {
  /** Network layer ids, indexed by Transfer.outlet. */
  outletIds: string[];
  /** Sites that lacked an attribute and were forecast as a typical own outlet in it. */
  warnings: string[];
}

/** Sites without a positive value of a calibrated attribute are forecast as a typical outlet. */
export function missingAttributeWarning(missing: number, name: string, mean: number): string {
  return `${missing} site${missing > 1 ? 's' : ''} without a positive "${name}" forecast as a typical own outlet in it (${name} = ${mean.toPrecision(4)})`;
}

/** Today's market as a calibration sees it: built once per bundle, scenario and calibration. */
interface Market {
  prepared: PreparedHuff;
  state: MarketState;
}

/**
 * The last market forecast() built for each bundle, with the fingerprint of what it was built from:
 * score forecasts its sites a chunk at a time (64 k rows), and the workbench one site per click,
 * against the same market (2 s of CPU for a million demand points).
 * Keyed by content, not identity: a bundle's columns are typed arrays that a caller may edit in place
 * (and typed arrays cannot be frozen), so the key hashes the very arrays the market is built from —
 * demand, own outlets and competitors with the scenario's attractiveness, the calibrated attributes —
 * and the calibration's model (≈ 10 ms for a million demand points, against ≈ 2 s to rebuild).
 */
const markets = new WeakMap<LoadedBundle, { key: string; market: Market }>();

function marketKey(points: ForecastPoints, calibration: Calibration): string {
  const { demand, own, competitors, attributes } = points;
  const arrays = [demand, own, competitors].flatMap((p) => [p.lon, p.lat, p.weight]);
  const model = JSON.stringify([shapeOf(calibration), calibration.theta, calibration.attributeMeans, calibration.demandCells?.metres ?? 0]);
  return fingerprint([...arrays, ...Object.keys(attributes).sort().map((name) => attributes[name])], model);
}

function marketOf(points: ForecastPoints, calibration: Calibration, signal?: AbortSignal): Market {
  const shape = shapeOf(calibration);
  const prepared = prepareHuff(points, shape, calibration.attributeMeans, { cellMetres: calibration.demandCells?.metres, forForecast: true, signal });
  return { prepared, state: marketState(shape, prepared.data, Float64Array.from(calibration.theta)) };
}

function forecastPoints(inputs: BundleInputs, calibration: Calibration): ForecastPoints {
  const { network, demand } = inputs.bundle;
  if (!network || !demand) throw new UsageError('a forecast needs the bundle\'s network and demand layers (the ones the calibration was fitted on)');
  return pointsFor(inputs, network, calibration.demandColumn, Object.keys(calibration.coefficients));
}

/** What forecastSites is called with for a bundle's sites, and the names its result needs. */
export interface ForecastRequest {
  calibration: Calibration;
  prepared: PreparedHuff;
  state: MarketState;
  sites: SitesToForecast;
  outletIds: string[];
  warnings: string[];
}

/** forecast() up to the call of forecastSites: a caller may run that call elsewhere (src/node/forecast-pool.ts). */
export function forecastRequest(bundle: LoadedBundle, scenario: Scenario, calibration: Calibration, sites?: PointLayer, signal?: AbortSignal): ForecastRequest {
  const layer = sites ?? bundle.candidates;
  if (!layer) throw new UsageError('no sites to forecast: the bundle has no candidates layer');
  const inputs = huffInputs(bundle, scenario, signal);
  const points = forecastPoints(inputs, calibration);
  const key = marketKey(points, calibration);
  const cached = markets.get(bundle);
  let market = cached?.key === key ? cached.market : undefined;
  if (!market) {
    market = marketOf(points, calibration, signal);
    markets.set(bundle, { key, market });
  }
  return requestInMarket(inputs, market, calibration, layer);
}

/** Forecasts `sites` (default: the bundle's candidates) against today's network. */
export function forecast(bundle: LoadedBundle, scenario: Scenario, calibration: Calibration, sites?: PointLayer, options: { top?: number; signal?: AbortSignal } = {}): BundleForecasts {
  return run(forecastRequest(bundle, scenario, calibration, sites, options.signal), options);
}

/** forecast() with the inputs a funnel run already holds (the forecast_net criterion). */
export function forecastWithInputs(inputs: BundleInputs, calibration: Calibration, layer: PointLayer, options: { top?: number; signal?: AbortSignal } = {}): BundleForecasts {
  return run(requestInMarket(inputs, marketOf(forecastPoints(inputs, calibration), calibration, options.signal), calibration, layer), options);
}

function run(request: ForecastRequest, options: { top?: number; signal?: AbortSignal }): BundleForecasts {
  const { calibration, prepared, state, sites, outletIds, warnings } = request;
  return { ...forecastSites(calibration, prepared, state, sites, options), outletIds, warnings };
}

function requestInMarket(inputs: BundleInputs, { prepared, state }: Market, calibration: Calibration, layer: PointLayer): ForecastRequest {
  const shape = shapeOf(calibration);
  const K = shape.attributes.length;
  const z = new Float64Array(layer.ids.length * K);
  const warnings: string[] = [];
  shape.attributes.forEach((name, q) => {
    const column = layer.numeric[name];
    let missing = 0;
    for (let c = 0; c < layer.ids.length; c++) {
      const x = column?.[c] ?? NaN;
      if (x > 0 && Number.isFinite(x)) z[c * K + q] = Math.log(x / calibration.attributeMeans[name]);
      else missing++;
    }
    if (missing > 0) warnings.push(missingAttributeWarning(missing, name, calibration.attributeMeans[name]));
  });
  const sites = { lon: layer.lon, lat: layer.lat, attractiveness: inputs.candidateAttractiveness(layer), z };
  return { calibration, prepared, state, sites, outletIds: inputs.bundle.network!.ids, warnings };
}
