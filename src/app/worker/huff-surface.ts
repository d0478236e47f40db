/**
 * The selected site's Huff probability surface: on a grid around the site, the probability that
 * demand there picks the site over the own network and the competitors (DESIGN §3's P_ij).
 */
import { haversine, type SiteKernel } from '../engine-api.ts';
import type { LoadedBundle } from './engine-types.ts';
import type { HuffSurface } from './messages.ts';

export interface HuffSettings {
  alpha: number;
  beta: number;
  cutoff: number;
  floor: number;
}

const GRID = 60;

function outlets(bundle: LoadedBundle, alpha: number): { lon: Float64Array; lat: Float64Array; weight: Float64Array } {
  const layers = [bundle.network, bundle.competitors].filter((l) => l !== undefined);
  const n = layers.reduce((s, l) => s + l.ids.length, 0);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const weight = new Float64Array(n);
  let k = 0;
  for (const layer of layers) {
    const attractiveness = layer.numeric.attractiveness;
    for (let i = 0; i < layer.ids.length; i++, k++) {
      lon[k] = layer.lon[i];
      lat[k] = layer.lat[i];
      const a = attractiveness ? attractiveness[i] : 1;
      weight[k] = Number.isFinite(a) && a > 0 ? a ** alpha : 1;
    }
  }
  return { lon, lat, weight };
}

export async function huffSurface(kernel: SiteKernel, bundle: LoadedBundle, lon: number, lat: number, s: HuffSettings): Promise<HuffSurface> {
  // A box of ±cutoff around the site (capped at 4 km so the surface stays legible).
  const half = Math.min(s.cutoff, 4000);
  const dLat = (half / 6_371_008.8) * (180 / Math.PI);
  const dLon = dLat / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
  const west = lon - dLon;
  const south = lat - dLat;
  const gridLon = new Float64Array(GRID * GRID);
  const gridLat = new Float64Array(GRID * GRID);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      gridLon[r * GRID + c] = west + ((c + 0.5) / GRID) * 2 * dLon;
      gridLat[r * GRID + c] = south + ((r + 0.5) / GRID) * 2 * dLat;
    }
  }
  const grid = { lon: gridLon, lat: gridLat };
  const pressure = await kernel.huffPressure(grid, outlets(bundle, s.alpha), { cutoff: s.cutoff, beta: s.beta, floor: s.floor });
  const values = new Float64Array(GRID * GRID);
  for (let i = 0; i < values.length; i++) {
    const d = haversine(lon, lat, gridLon[i], gridLat[i]);
    if (d > s.cutoff) continue;
    const t = Math.max(d, s.floor) ** -s.beta;
    values[i] = t / (pressure[i] + t);
  }
  return { width: GRID, height: GRID, west, south, east: lon + dLon, north: lat + dLat, values };
}
