/**
 * Several files feeding one layer → one layer. Columns missing from a part are filled (NaN or '').
 * Ids must be unique across the parts: a later file's row whose id is already taken is moved to
 * that file's rejects, so loaded + rejected = read still holds per file.
 */
import type { Columns, Layer, LayerReport, PointLayer, PolygonLayer } from './layer.ts';
import { rejectReason } from '../reject-reason.ts';

function concatColumns(parts: Columns[], sizes: number[]): Columns {
  const out: Columns = { numeric: {}, text: {} };
  const total = sizes.reduce((a, b) => a + b, 0);
  const numericNames = new Set(parts.flatMap((p) => Object.keys(p.numeric)));
  const textNames = new Set(parts.flatMap((p) => Object.keys(p.text)));
  for (const name of numericNames) {
    if (textNames.has(name)) continue; // numeric in one file, text in another: keep as text below
    const col = new Float64Array(total).fill(NaN);
    let offset = 0;
    parts.forEach((p, i) => {
      const src = p.numeric[name];
      if (src !== undefined) col.set(src, offset);
      offset += sizes[i];
    });
    out.numeric[name] = col;
  }
  for (const name of textNames) {
    const col: string[] = [];
    parts.forEach((p, i) => {
      const t = p.text[name];
      const nums = p.numeric[name];
      for (let r = 0; r < sizes[i]; r++) col.push(t !== undefined ? t[r] : nums !== undefined && !Number.isNaN(nums[r]) ? String(nums[r]) : '');
    });
    out.text[name] = col;
  }
  return out;
}

export function pickRows<T extends Layer>(layer: T, keep: number[]): T {
  if (keep.length === layer.ids.length) return layer;
  const numeric: Record<string, Float64Array> = {};
  const text: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(layer.numeric)) numeric[k] = Float64Array.from(keep, (i) => v[i]);
  for (const [k, v] of Object.entries(layer.text)) text[k] = keep.map((i) => v[i]);
  const ids = keep.map((i) => layer.ids[i]);
  if (layer.kind === 'point') {
    return { ...layer, ids, numeric, text, lon: Float64Array.from(keep, (i) => layer.lon[i]), lat: Float64Array.from(keep, (i) => layer.lat[i]) };
  }
  return { ...layer, ids, numeric, text, names: keep.map((i) => layer.names[i]), geometries: keep.map((i) => layer.geometries[i]) };
}

export interface LayerPart<T extends Layer> {
  layer: T;
  report: LayerReport;
  /** 1-based source row of each loaded record. */
  rows: number[];
}

/**
 * Which rows of each part to keep so that ids are unique across parts; the rest are moved to
 * their part's rejects (with their source row numbers).
 */
export function keepUniqueAcrossParts(parts: LayerPart<Layer>[]): number[][] {
  const seen = new Map<string, string>();
  return parts.map(({ layer, report, rows }) => {
    const keep: number[] = [];
    layer.ids.forEach((id, i) => {
      const owner = seen.get(id);
      if (owner === undefined) keep.push(i);
      else {
        report.rejects.push({ row: rows[i], column: 'id', ...rejectReason('duplicate-id-loaded', { file: owner }), value: id, id });
        report.loaded--;
        report.rejected++;
      }
    });
    for (const i of keep) seen.set(layer.ids[i], report.file);
    if (keep.length < layer.ids.length) report.rejects.sort((a, b) => a.row - b.row);
    return keep;
  });
}

export function concatPointLayers(layers: PointLayer[]): PointLayer {
  if (layers.length === 1) return layers[0];
  const sizes = layers.map((l) => l.ids.length);
  const lon = new Float64Array(sizes.reduce((a, b) => a + b, 0));
  const lat = new Float64Array(lon.length);
  let offset = 0;
  layers.forEach((l) => {
    lon.set(l.lon, offset);
    lat.set(l.lat, offset);
    offset += l.ids.length;
  });
  return { kind: 'point', layer: layers[0].layer, ids: layers.flatMap((l) => l.ids), lon, lat, ...concatColumns(layers, sizes) };
}

export function concatPolygonLayers(layers: PolygonLayer[]): PolygonLayer {
  if (layers.length === 1) return layers[0];
  const sizes = layers.map((l) => l.ids.length);
  return {
    kind: 'polygon',
    layer: layers[0].layer,
    ids: layers.flatMap((l) => l.ids),
    names: layers.flatMap((l) => l.names),
    geometries: layers.flatMap((l) => l.geometries),
    ...concatColumns(layers, sizes),
  };
}
