/**
 * Forecasting new sites with a calibration (DESIGN §11): for site c with utility t_i = A_c f(d_ic),
 *   forecast_c = s Σ_i w_i P_ic,  P_ic = t_i/(S_i + t_i),
 * and the transfer from own outlet j (the customers it takes from j, in the observed unit)
 *   transfer_cj = s Σ_i w_i P_ij P_ic    (u_ij/S_i − u_ij/(S_i + t_i) = P_ij · P_ic),
 * cannibalised = Σ_j transfer_cj, net = forecast − cannibalised. The interval adds the parameters'
 * uncertainty (delta method: ∂forecast/∂θ = s Σ w P(1 − P)(g_c − Ḡ_i), ∂/∂log s = forecast) and an
 * outlet's own spread around the model (the fit's relative residual spread), at 95 % with n − p
 * degrees of freedom. Each site is forecast alone against today's network.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import { circleRanges, rangesCapacity } from '../kernel/circle-ranges.ts';
import { chordSqOfArc, unitVector } from '../kernel/sphere.ts';
import type { Points } from '../kernel/types.ts';
import { bindForecastScan, type ForecastColumns, type OwnPairs } from '../kernel/wasm/forecast-scan.ts';
import { TRANSFER_LANES } from '../kernel/wasm/transfers-wat.ts';
import { SIMD_MAX_CHORD_SQ } from '../kernel/wasm/simd-limits.ts';
import type { Calibration } from './calibration.ts';
import { scanSiteJs, type SiteScan } from './forecast-scan-js.ts';
import type { PreparedHuff } from './huff-data.ts';
import type { MarketState } from './market-state.ts';
import { layoutOf, type ModelShape } from './model.ts';
import { siteOrder } from './site-order.ts';
import { SiteTransfers } from './site-transfers.ts';
import { quadraticForm } from './small-matrix.ts';
import { tQuantile } from './t-quantile.ts';

export interface Transfer {
  /** Index of the own outlet in the network layer. */
  outlet: number;
  amount: number;
}

export interface SiteForecasts {
  forecast: Float64Array;
  low: Float64Array;
  high: Float64Array;
  cannibalised: Float64Array;
  net: Float64Array;
  /** Per site: the own outlets it takes most from, largest first. */
  transfers: Transfer[][];
}

export interface SitesToForecast extends Points {
  /** The scenario's attractiveness A_c of each site. */
  attractiveness: Float64Array;
  /** m × K of log(x_ck/ḡ_k) (0 where the site lacks the attribute). */
  z: Float64Array;
}

/**
 * Below this many sites the transfers take the JavaScript tile loop: binding the own pairs copies them
 * into the module's memory (≈ 12 bytes a pair, 3.7 M pairs for 1 M demand points in 100 m cells), which
 * costs more than a few sites' sums.
 */
const MIN_SITES_FOR_SIMD_TRANSFERS = 64;

export function shapeOf(calibration: Calibration): ModelShape {
  return {
    decay: calibration.decay,
    fitAlpha: calibration.fitAlpha,
    alpha: calibration.alpha,
    attributes: Object.keys(calibration.coefficients),
    cutoff: calibration.cutoff,
    floor: calibration.floor,
  };
}

/** The market state as the scans read it: columns in the demand grid's order. */
function forecastColumns(data: PreparedHuff['data'], state: MarketState, p: number): ForecastColumns {
  const n = data.weight.length;
  return {
    weight: data.weight,
    ownWeight: data.weight.map((w, k) => w * state.ownTotal[k]),
    total: state.total,
    gradients: Array.from({ length: p - 1 }, (_, q) => Float64Array.from({ length: n }, (_, k) => state.meanGradient[k * p + q + 1])),
  };
}

/**
 * `top`: transfers kept per site [5]; 0 skips the per-outlet sums (the totals stay exact). Sites are
 * visited in tiles of TRANSFER_LANES nearby ones (site-order.ts), whose transfers are summed together.
 * The sums over demand run in the kernel's WebAssembly SIMD forecast scan where it is available
 * (`simd: false` forces the JavaScript scan; both give the same sums to ~1e-11 relative).
 */
export function forecastSites(calibration: Calibration, prepared: PreparedHuff, state: MarketState, sites: SitesToForecast, options: { top?: number; simd?: boolean; signal?: AbortSignal } = {}): SiteForecasts {
  const shape = shapeOf(calibration);
  const at = layoutOf(shape);
  const { p } = at;
  const K = shape.attributes.length;
  const theta = calibration.theta;
  const scale = Math.exp(theta[0]);
  const coefficient = shape.decay === 'power' ? theta[at.decay] : Math.exp(-theta[at.decay]);
  const factor = shape.decay === 'power' ? -1 : coefficient;
  const { grid, data } = prepared;
  const own = data.own;
  const m = data.ownLogA.length;
  const covariance = Float64Array.from(calibration.covariance);
  const t95 = tQuantile(0.975, Math.max(calibration.n - p, 1));
  const residualCv = calibration.residual_cv;
  const top = options.top ?? 5;

  const count = sites.lon.length;
  const out: SiteForecasts = { forecast: new Float64Array(count), low: new Float64Array(count), high: new Float64Array(count), cannibalised: new Float64Array(count), net: new Float64Array(count), transfers: new Array<Transfer[]>(count) };
  const columns = forecastColumns(data, state, p);
  const rangePairs = rangesCapacity(grid);
  const limit = chordSqOfArc(shape.cutoff);
  const pairs: OwnPairs = { start: own.start, outlet: own.outlet, share: state.ownShare, outlets: m };
  // Beyond SIMD_MAX_CHORD_SQ (a cut-off of ~38 km) the scans' arc series lose precision.
  // Few sites (a click in the workbench): the JavaScript tile loop costs less than copying the own pairs.
  const bindPairs = top > 0 && count >= MIN_SITES_FOR_SIMD_TRANSFERS;
  // Own pairs too many for the module's 32-bit memory: the scans still run there, the transfers in JS.
  const simd = options.simd === false || limit > SIMD_MAX_CHORD_SQ ? null
    : (bindPairs ? bindForecastScan(grid, columns, shape.decay, rangePairs, pairs) : null) ?? bindForecastScan(grid, columns, shape.decay, rangePairs);
  const ranges = simd ? simd.ranges : new Int32Array(2 * rangePairs);
  const share = simd ? simd.share : new Float64Array(TRANSFER_LANES * data.weight.length);
  const transfers = top > 0 ? new SiteTransfers(pairs, share, rangePairs, simd?.transfers ?? null) : null;
  const jsScan: SiteScan = { grid, columns, decay: shape.decay, cutoff: shape.cutoff, floor: shape.floor, share, sums: new Float64Array(3 + p) };
  const floor2 = shape.floor * shape.floor;
  const cut = shape.decay === 'power' ? shape.cutoff * shape.cutoff : shape.cutoff;
  const rho = shape.cutoff / EARTH_RADIUS_M;
  const q3 = new Float64Array(3);
  const gradient = new Float64Array(p);
  const order = siteOrder(grid, sites.lon, sites.lat);
  for (let first = 0; first < count; first += TRANSFER_LANES) {
    options.signal?.throwIfAborted();
    const lanes = Math.min(TRANSFER_LANES, count - first);
    for (let lane = 0; lane < lanes; lane++) {
      const c = order[first + lane];
      const lon = sites.lon[c], lat = sites.lat[c], a = sites.attractiveness[c];
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || !(a > 0)) {
        out.forecast[c] = out.low[c] = out.high[c] = out.cannibalised[c] = out.net[c] = NaN;
        continue;
      }
      // ∂log t/∂θ_q of the site for α and the γs; the decay's is factor·D, summed by the scan.
      let base = calibration.alpha * Math.log(a);
      if (at.alpha >= 0) gradient[at.alpha] = Math.log(a);
      for (let q = 0; q < K; q++) {
        gradient[at.gamma + q] = sites.z[c * K + q];
        base += theta[at.gamma + q] * sites.z[c * K + q];
      }
      unitVector(lon, lat, q3, 0);
      const spans = circleRanges(grid, lon, lat, rho, ranges);
      const sums = simd
        ? simd.scan(lane, spans, q3[0], q3[1], q3[2], limit, Math.exp(base), coefficient, floor2, cut)
        : scanSiteJs(jsScan, lane, ranges, spans, q3, limit, Math.exp(base), coefficient);
      transfers?.add(lane, ranges, spans);
      // sums: Σ w·P, Σ wO·P, Σ spread, Σ spread·D, Σ spread·Ḡ_q (q = 1 … p − 1).
      const forecast = scale * sums[0];
      for (let q = 1; q < at.decay; q++) gradient[q] = scale * (gradient[q] * sums[2] - sums[3 + q]);
      gradient[at.decay] = scale * (factor * sums[3] - sums[3 + at.decay]);
      gradient[0] = forecast;
      const variance = quadraticForm(covariance, gradient, p) + (residualCv * forecast) ** 2;
      const half = t95 * Math.sqrt(Math.max(variance, 0));
      const cannibalised = scale * sums[1];
      out.forecast[c] = forecast;
      out.low[c] = Math.max(0, forecast - half);
      out.high[c] = forecast + half;
      out.cannibalised[c] = cannibalised;
      out.net[c] = forecast - cannibalised;
    }
    // transfer_cj = s Σ_i (w_i P_ic) P_ij over the visited points, from the shares the scans wrote.
    const lists = transfers?.finish(scale, top);
    for (let lane = 0; lane < lanes; lane++) out.transfers[order[first + lane]] = lists?.[lane] ?? [];
  }
  return out;
}

