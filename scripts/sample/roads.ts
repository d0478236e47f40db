/**
 * The sample's street network (bundle "roads"): the generator's streets as GeoJSON lines, split at
 * every crossing so they join (the roads reader joins lines at shared vertices). Classes follow the
 * street type — boulevards primary, avenues secondary, roads tertiary, the rest residential — and
 * lanes are one-way, alternating direction, so driving differs from walking.
 */
import { toLonLat, type Xy } from './plane.ts';
import type { Street } from './streets.ts';

const CLASS: Record<string, string> = { Boulevard: 'primary', Avenue: 'secondary', Road: 'tertiary' };

/** Fraction along p→q where it crosses r→s, and along r→s, or null when they do not cross. */
function crossing(p: Xy, q: Xy, r: Xy, s: Xy): [number, number] | null {
  const dx = q[0] - p[0], dy = q[1] - p[1], ex = s[0] - r[0], ey = s[1] - r[1];
  const den = dx * ey - dy * ex;
  if (den === 0) return null;
  const t = ((r[0] - p[0]) * ey - (r[1] - p[1]) * ex) / den;
  const u = ((r[0] - p[0]) * dy - (r[1] - p[1]) * dx) / den;
  return t > 0 && t < 1 && u > 0 && u < 1 ? [t, u] : null;
}

export function roadsGeoJson(streets: readonly Street[]): string {
  // Crossings as (fraction, shared lon/lat) on each street; one lon/lat per crossing, so both match exactly.
  const stops: { t: number; at: [number, number] }[][] = streets.map((s) => [{ t: 0, at: toLonLat(s.from) }, { t: 1, at: toLonLat(s.to) }]);
  for (let i = 0; i < streets.length; i++) {
    for (let j = i + 1; j < streets.length; j++) {
      const c = crossing(streets[i].from, streets[i].to, streets[j].from, streets[j].to);
      if (!c) continue;
      const [fx, fy] = streets[i].from, [tx, ty] = streets[i].to;
      const at = toLonLat([fx + c[0] * (tx - fx), fy + c[0] * (ty - fy)]);
      stops[i].push({ t: c[0], at });
      stops[j].push({ t: c[1], at });
    }
  }
  let lanes = 0;
  const features = streets.map((s, i) => {
    const oneway = s.type === 'Lane' ? (lanes++ % 2 === 0 ? 'yes' : '-1') : 'no';
    const coordinates = stops[i].sort((a, b) => a.t - b.t).map((x) => x.at);
    return { type: 'Feature', properties: { name: `${s.stem} ${s.type}`, highway: CLASS[s.type] ?? 'residential', oneway }, geometry: { type: 'LineString', coordinates } };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}
