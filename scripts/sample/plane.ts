/**
 * The sample city is built on a local plane in metres (x east, y north, origin at the city centre)
 * and written out as WGS84 lon/lat. Over 30 km an equirectangular projection is exact enough.
 */
export const ORIGIN_LON = 114.05;
export const ORIGIN_LAT = 22.6;
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const METRES_PER_DEGREE_LON = METRES_PER_DEGREE * Math.cos((ORIGIN_LAT * Math.PI) / 180);

export type Xy = [number, number];

export function toLonLat([x, y]: Xy): [number, number] {
  return [round6(ORIGIN_LON + x / METRES_PER_DEGREE_LON), round6(ORIGIN_LAT + y / METRES_PER_DEGREE)];
}

export function toXy([lon, lat]: [number, number]): Xy {
  return [(lon - ORIGIN_LON) * METRES_PER_DEGREE_LON, (lat - ORIGIN_LAT) * METRES_PER_DEGREE];
}

/** Six decimals of a degree is about 0.1 m: plenty, and it keeps the files small and stable. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Even–odd point-in-ring test on plane coordinates. */
export function pointInRing(x: number, y: number, ring: readonly Xy[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Point in a polygon given as rings (outer first, then holes). */
export function pointInRings(x: number, y: number, rings: readonly (readonly Xy[])[]): boolean {
  if (!pointInRing(x, y, rings[0])) return false;
  for (let h = 1; h < rings.length; h++) if (pointInRing(x, y, rings[h])) return false;
  return true;
}
