/**
 * A whole file with lon and lat exchanged stays inside ±90/±180 when both are small (DC read as
 * lon 38.9, lat −77.0), so no row looks wrong on its own. Against the rest of the bundle it does:
 * the file lies far from the other files, and swapped it lies among them. Such a file gets a note.
 * It takes two other files agreeing to say which side is right (with one, either could be).
 */
import { haversine } from '../geo/haversine.ts';
import type { Layer, LayerReport } from './layer.ts';

const FAR_M = 1_000_000;
const NEAR_M = 200_000;

function median(xs: number[]): number {
  const s = Float64Array.from(xs).sort();
  return s[s.length >> 1];
}

/** A representative position of a layer: the median of its points or of its polygons' first vertices. */
function centre(layer: Layer): [number, number] | null {
  const step = Math.max(1, Math.floor(layer.ids.length / 2000));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < layer.ids.length; i += step) {
    if (layer.kind === 'point') {
      xs.push(layer.lon[i]);
      ys.push(layer.lat[i]);
    } else {
      const g = layer.geometries[i];
      const p = g.type === 'Polygon' ? g.coordinates[0][0] : g.coordinates[0][0][0];
      xs.push(p[0]);
      ys.push(p[1]);
    }
  }
  return xs.length === 0 ? null : [median(xs), median(ys)];
}

export function noteSwappedFiles(parts: { layer: Layer; report: LayerReport }[]): void {
  const centres = parts.map((p) => centre(p.layer));
  parts.forEach((part, i) => {
    const c = centres[i];
    if (c === null || part.layer.kind !== 'point' || Math.abs(c[0]) > 90) return;
    const others = centres.filter((o, j): o is [number, number] => o !== null && j !== i && parts[j].report.file !== part.report.file);
    if (others.length === 0) return;
    const nearAsIs = others.filter((o) => haversine(c[0], c[1], o[0], o[1]) < FAR_M).length;
    const nearSwapped = others.filter((o) => haversine(c[1], c[0], o[0], o[1]) < NEAR_M).length;
    if (nearSwapped >= 2 && nearSwapped > nearAsIs) {
      part.report.notes.push(
        `${part.report.file} lies far from the rest of the bundle, and with lon and lat exchanged it lies among them: map columns.lon and columns.lat the other way round in bundle.json`,
      );
    }
  });
}
