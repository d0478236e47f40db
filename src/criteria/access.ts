/**
 * access (DESIGN §3): transport convenience. Site form: transit stops within R weighted by mode
 * [metro 3, rail 3, bus 1], and the distance to the nearest metro station. Areal form: weighted
 * stops per km².
 */
import type { PointLayer } from '../data/layer.ts';
import type { Points, SiteKernel, WeightedPoints } from '../kernel/types.ts';
import { perKm2, sumByArea, type RadiusParams } from './demand.ts';
import { columnOr, key } from './points.ts';

export interface ModeWeights {
  modeWeights: Record<string, number>;
  otherWeight: number;
}

/** Each stop's weight: its mode's weight × its own weight column (missing → 1). */
export function stopWeights(transit: PointLayer, modes: ModeWeights): Float64Array {
  const byMode = new Map(Object.entries(modes.modeWeights).map(([k, w]) => [key(k), w]));
  const mode = transit.text.mode ?? [];
  return columnOr(transit, 'weight', 1).map((w, i) => w * (byMode.get(key(mode[i] ?? '')) ?? modes.otherWeight));
}

/** The metro stations of the layer (mode "metro", "subway" or "underground"). */
export function metroStations(transit: PointLayer): Points {
  const metro = new Set(['metro', 'subway', 'underground']);
  const mode = transit.text.mode ?? [];
  const index = transit.ids.flatMap((_, i) => (metro.has(key(mode[i] ?? '')) ? [i] : []));
  return { lon: Float64Array.from(index, (i) => transit.lon[i]), lat: Float64Array.from(index, (i) => transit.lat[i]) };
}

export async function siteAccess(kernel: SiteKernel, sites: Points, stops: WeightedPoints, metro: Points, params: RadiusParams, signal?: AbortSignal): Promise<{ stops: Float64Array; nearestMetro: Float64Array }> {
  const weighted = await kernel.sumWithin(sites, stops, params.radius, params.decay, signal);
  const nearestMetro = await kernel.nearest(sites, metro, signal);
  return { stops: weighted, nearestMetro };
}

export function arealAccess(stopArea: Int32Array, weight: Float64Array, areaKm2: Float64Array): Float64Array {
  return perKm2(sumByArea(stopArea, weight, areaKm2.length), areaKm2);
}
