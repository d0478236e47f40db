/**
 * Regions and districts. Regions are Voronoi cells of five seeds clipped to the city outline;
 * each region is then split into Voronoi districts clipped to that region, so no district can
 * straddle a region border. Everything is computed on the metre plane (Turf's Voronoi and clipping
 * are planar), so a district edge on a region border has exactly the region's vertices.
 */
import { featureCollection, intersect, point, polygon, voronoi } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { DemandGrid } from './city.ts';
import { districtNames, REGION_NAMES } from './names.ts';
import { pointInRings, type Xy } from './plane.ts';
import { weightedSampler, type Rng } from './prng.ts';

export const DISTRICT_COUNT = 50;

export type PlaneArea = Polygon | MultiPolygon;

export interface Area {
  id: string;
  name: string;
  geometry: PlaneArea;
  /** Parent region id (districts only). */
  region?: string;
}

export function polygonsOf(area: PlaneArea): Xy[][][] {
  return (area.type === 'Polygon' ? [area.coordinates] : area.coordinates) as Xy[][][];
}

export function areaContains(area: PlaneArea, [x, y]: Xy): boolean {
  return polygonsOf(area).some((rings) => pointInRings(x, y, rings));
}

function clippedCells(seeds: Xy[], box: [number, number, number, number], clip: PlaneArea): PlaneArea[] {
  const cells = voronoi(featureCollection(seeds.map((s) => point(s))), { bbox: box });
  return cells.features.map((cell, i) => {
    const clipped = intersect(featureCollection<Polygon | MultiPolygon>([cell, { type: 'Feature', properties: {}, geometry: clip }]));
    if (!clipped) throw new Error(`sample generator: Voronoi cell ${i} is empty after clipping`);
    return clipped.geometry;
  });
}

function bboxOf(area: PlaneArea): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygonsOf(area)) for (const [x, y] of rings[0]) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return [x0 - 1, y0 - 1, x1 + 1, y1 + 1];
}

export function makeRegions(rng: Rng, outline: Xy[]): Area[] {
  const seeds: Xy[] = [[rng.range(-800, 800), rng.range(-800, 800)]];
  for (let k = 0; k < 4; k++) {
    const angle = Math.PI / 4 + (k * Math.PI) / 2 + rng.range(-0.25, 0.25);
    const r = rng.range(7_500, 9_500);
    seeds.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  const city: Feature<Polygon> = polygon([outline]);
  return clippedCells(seeds, [-16_000, -16_000, 16_000, 16_000], city.geometry).map((geometry, i) => ({
    id: `R${i + 1}`,
    name: REGION_NAMES[i],
    geometry,
  }));
}

/** Districts per region in proportion to population (at least 6 each), seeded where people live. */
export function makeDistricts(rng: Rng, regions: Area[], demand: DemandGrid): Area[] {
  const cellRegion = demand.xy.map((p) => regions.findIndex((r) => areaContains(r.geometry, p)));
  const regionPop = regions.map((_, r) => demand.population.reduce((s, v, i) => (cellRegion[i] === r ? s + v : s), 0));
  const total = regionPop.reduce((a, b) => a + b, 0);
  const counts = regionPop.map((p) => Math.max(6, Math.round((p / total) * DISTRICT_COUNT)));
  while (counts.reduce((a, b) => a + b, 0) > DISTRICT_COUNT) counts[counts.indexOf(Math.max(...counts))] -= 1;
  while (counts.reduce((a, b) => a + b, 0) < DISTRICT_COUNT) counts[counts.indexOf(Math.min(...counts))] += 1;
  const names = districtNames(rng, DISTRICT_COUNT);
  const districts: Area[] = [];
  regions.forEach((region, r) => {
    const cells = demand.xy.map((_, i) => i).filter((i) => cellRegion[i] === r);
    // sqrt(population): denser places get smaller districts, but not absurdly small ones.
    const draw = weightedSampler(cells.map((i) => Math.sqrt(demand.population[i])), rng);
    const seeds: Xy[] = [];
    for (let tries = 0; seeds.length < counts[r] && tries < 10_000; tries++) {
      const [cx, cy] = demand.xy[cells[draw()]];
      const s: Xy = [cx + rng.range(-140, 140), cy + rng.range(-140, 140)];
      if (!areaContains(region.geometry, s)) continue;
      if (seeds.every(([x, y]) => Math.hypot(x - s[0], y - s[1]) > 1_400)) seeds.push(s);
    }
    seeds.sort((a, b) => b[1] - a[1] || a[0] - b[0]); // number districts north to south
    for (const geometry of clippedCells(seeds, bboxOf(region.geometry), region.geometry)) {
      const n = districts.length;
      districts.push({ id: `D${String(n + 1).padStart(2, '0')}`, name: names[n], geometry, region: region.id });
    }
  });
  return districts;
}
