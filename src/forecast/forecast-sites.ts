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
import { arcFromChordSq, chordSqOfArc, unitVector } from '../kernel/sphere.ts';
import type { Points } from '../kernel/types.ts';
import type { Calibration } from './calibration.ts';
import type { PreparedHuff } from './huff-data.ts';
import type { MarketState } from './market-state.ts';
import { layoutOf, type ModelShape } from './model.ts';
import { distanceTerm } from './outlet-pairs.ts';
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

/** `top`: transfers kept per site [5]; 0 skips the per-outlet sums (the totals stay exact). */
export function forecastSites(calibration: Calibration, prepared: PreparedHuff, state: MarketState, sites: SitesToForecast, options: { top?: number; signal?: AbortSignal } = {}): SiteForecasts {
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
  const out: SiteForecasts = { forecast: new Float64Array(count), low: new Float64Array(count), high: new Float64Array(count), cannibalised: new Float64Array(count), net: new Float64Array(count), transfers: [] };
  const ranges = new Int32Array(2 * rangesCapacity(grid));
  const limit = chordSqOfArc(shape.cutoff);
  const rho = shape.cutoff / EARTH_RADIUS_M;
  const q3 = new Float64Array(3);
  const gradient = new Float64Array(p);
  const siteGradient = new Float64Array(p);
  const loss = new Float64Array(m);
  const seen = new Uint8Array(m);
  const touched: number[] = [];
  for (let c = 0; c < count; c++) {
    if ((c & 255) === 0) options.signal?.throwIfAborted();
    const lon = sites.lon[c], lat = sites.lat[c], a = sites.attractiveness[c];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || !(a > 0)) {
      out.forecast[c] = out.low[c] = out.high[c] = out.cannibalised[c] = out.net[c] = NaN;
      out.transfers.push([]);
      continue;
    }
    let base = calibration.alpha * Math.log(a);
    if (at.alpha >= 0) siteGradient[at.alpha] = Math.log(a);
    for (let q = 0; q < K; q++) {
      siteGradient[at.gamma + q] = sites.z[c * K + q];
      base += theta[at.gamma + q] * sites.z[c * K + q];
    }
    gradient.fill(0);
    let captured = 0, lost = 0;
    unitVector(lon, lat, q3, 0);
    const spans = circleRanges(grid, lon, lat, rho, ranges);
    const xyz = grid.xyz;
    for (let r = 0; r < spans; r++) {
      for (let k = ranges[2 * r]; k < ranges[2 * r + 1]; k++) {
        const w = data.weight[k];
        if (!(w > 0)) continue;
        const dx = xyz[3 * k] - q3[0], dy = xyz[3 * k + 1] - q3[1], dz = xyz[3 * k + 2] - q3[2];
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 > limit) continue;
        const d = distanceTerm(shape.decay, Math.min(shape.cutoff, arcFromChordSq(c2)), shape.floor);
        const t = Math.exp(base - coefficient * d);
        const s = state.total[k];
        const share = t / (s + t);
        captured += w * share;
        if (s > 0) {
          const spread = w * share * (1 - share);
          const g = k * p;
          for (let q = 1; q < at.decay; q++) gradient[q] += spread * (siteGradient[q] - state.meanGradient[g + q]);
          gradient[at.decay] += spread * (factor * d - state.meanGradient[g + at.decay]);
        }
        lost += w * state.ownTotal[k] * share;
        if (top === 0) continue; // the total needs no per-outlet sums
        for (let pair = own.start[k]; pair < own.start[k + 1]; pair++) {
          const j = own.outlet[pair];
          if (seen[j] === 0) { seen[j] = 1; touched.push(j); }
          loss[j] += w * state.ownShare[pair] * share;
        }
      }
    }
    const forecast = scale * captured;
    for (let q = 1; q < p; q++) gradient[q] *= scale;
    gradient[0] = forecast;
    const variance = quadraticForm(covariance, gradient, p) + (residualCv * forecast) ** 2;
    const half = t95 * Math.sqrt(Math.max(variance, 0));
    const cannibalised = scale * lost;
    const list: Transfer[] = [];
    for (const j of touched) {
      const amount = scale * loss[j];
      list.push({ outlet: j, amount });
      loss[j] = 0;
      seen[j] = 0;
    }
    touched.length = 0;
    list.sort((x, y) => y.amount - x.amount || x.outlet - y.outlet);
    out.forecast[c] = forecast;
    out.low[c] = Math.max(0, forecast - half);
    out.high[c] = forecast + half;
    out.cannibalised[c] = cannibalised;
    out.net[c] = forecast - cannibalised;
    out.transfers.push(list.slice(0, top));
  }
  return out;
}
