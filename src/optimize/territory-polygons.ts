/**
 * Territories as polygons: each demand point's Voronoi cell (d3-delaunay, planar in lon/lat — fine
 * at city scale) clipped to the demand's bounding box plus a margin, dissolved per outlet (turf
 * union), then, when a study area is given (the districts, else the regions), cut to it (turf
 * intersect), so no territory runs into the sea or the next city. A union of demand cells follows
 * any assignment rule, not only "nearest outlet".
 */
import { Delaunay } from 'd3';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry } from '../data/layer.ts';
import type { Points } from '../kernel/types.ts';
import type { TerritoryResult } from './territories.ts';

export interface TerritoryProperties {
  outlet: string;
  demand: number;
  share: number;
  balance: number;
  points: number;
}

/** The study area as one (multi)polygon: the union of the given polygons. */
function studyArea(polygons: AreaGeometry[]): Feature<Polygon | MultiPolygon> | null {
  const features = polygons.filter((g) => g.coordinates.length > 0).map((geometry): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', geometry, properties: {} }));
  if (features.length <= 1) return features[0] ?? null;
  return union(featureCollection(features));
}

export function territoryPolygons(demand: Points, result: TerritoryResult, marginDeg = 0.005, clipTo?: AreaGeometry[]): Feature<Polygon | MultiPolygon, TerritoryProperties>[] {
  const n = demand.lon.length;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, demand.lon[i]); x1 = Math.max(x1, demand.lon[i]);
    y0 = Math.min(y0, demand.lat[i]); y1 = Math.max(y1, demand.lat[i]);
  }
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) { coords[2 * i] = demand.lon[i]; coords[2 * i + 1] = demand.lat[i]; }
  const voronoi = new Delaunay(coords).voronoi([x0 - marginDeg, y0 - marginDeg, x1 + marginDeg, y1 + marginDeg]);
  const cells: Feature<Polygon>[][] = result.territories.map(() => []);
  for (let i = 0; i < n; i++) {
    const j = result.assignment[i];
    const ring = voronoi.cellPolygon(i);
    // Points at the same place share one cell: d3 gives the duplicates none.
    if (j < 0 || !ring || ring.length < 4) continue;
    // Rounded to 1e-7° (~1 cm) so neighbouring cells share their edges exactly: the union then
    // closes its rings (polyclip fails on edges that differ in the last bits).
    const snapped: number[][] = [];
    for (const [x, y] of ring) {
      const q = [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
      const last = snapped.at(-1);
      if (!last || last[0] !== q[0] || last[1] !== q[1]) snapped.push(q);
    }
    if (snapped.length >= 4) cells[j].push(polygon([snapped]));
  }
  const area = clipTo && clipTo.length > 0 ? studyArea(clipTo) : null;
  const out: Feature<Polygon | MultiPolygon, TerritoryProperties>[] = [];
  result.territories.forEach((t, j) => {
    if (cells[j].length === 0) return;
    const dissolved = cells[j].length === 1 ? cells[j][0] : union(featureCollection(cells[j]));
    // A territory wholly outside the study area (its demand lies outside every district) is dropped.
    const merged = dissolved && area ? intersect(featureCollection([dissolved, area])) : dissolved;
    if (!merged) return;
    out.push({ type: 'Feature', geometry: merged.geometry, properties: { outlet: t.id, demand: t.demand, share: t.share, balance: t.balance, points: t.points } });
  });
  return out;
}
