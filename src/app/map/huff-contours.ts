/** The Huff probability grid as nested contour bands (in lon/lat) ready for a geo mark. */
import { contours } from 'd3';
import type { MultiPolygon } from 'geojson';
import type { HuffSurface } from '../worker/messages.ts';
import { rewindForD3 } from '../../geo/rewind.ts';

export const HUFF_THRESHOLDS = [0.1, 0.25, 0.5, 0.75, 0.9];

export interface HuffBand {
  type: 'Feature';
  properties: { probability: number };
  geometry: MultiPolygon;
}

export function huffBands(surface: HuffSurface): HuffBand[] {
  const { width, height, west, south, east, north } = surface;
  const toLonLat = (x: number, y: number): [number, number] => [west + (x / width) * (east - west), south + (y / height) * (north - south)];
  return contours()
    .size([width, height])
    .thresholds(HUFF_THRESHOLDS)(Array.from(surface.values))
    .filter((band) => band.coordinates.length > 0)
    .map((band) => ({
      type: 'Feature' as const,
      properties: { probability: band.value },
      geometry: rewindForD3({
        type: 'MultiPolygon',
        coordinates: band.coordinates.map((poly) => poly.map((ring) => ring.map(([x, y]) => toLonLat(x, y)))),
      }),
    }));
}
