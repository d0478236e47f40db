/**
 * The ranked table of the shown level as CSV or GeoJSON: the rows in the table's order, with the
 * breakdown (raw, normalised, contribution per criterion) so an export explains every score.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LevelResult } from '../engine-api.ts';
import type { MapPolygons } from '../worker/messages.ts';
import { csvText, type CsvCell as Cell } from '../engine-api.ts';

function header(level: LevelResult): string[] {
  const base = ['rank', 'id', 'name', 'score', 'kept'];
  for (const c of level.criteria) base.push(`${c.name}_raw`, `${c.name}_normalised`, `${c.name}_contribution`);
  return base;
}

function values(level: LevelResult, unit: number): Cell[] {
  const row: Cell[] = [level.rank[unit], level.ids[unit], level.names[unit], Math.round(level.score[unit] * 1000) / 1000, level.kept[unit]];
  for (const c of level.criteria) row.push(c.raw[unit], c.normalised[unit], c.contribution[unit]);
  return row;
}

export function tableCsv(level: LevelResult, order: ArrayLike<number>): string {
  const rows: Cell[][] = [];
  const h = header(level);
  const withCoords = level.lon !== undefined && level.lat !== undefined;
  if (withCoords) h.push('lon', 'lat');
  for (let k = 0; k < order.length; k++) {
    const unit = order[k];
    const row = values(level, unit);
    if (level.lon && level.lat) row.push(level.lon[unit], level.lat[unit]);
    rows.push(row);
  }
  return csvText(h, rows);
}

export function tableGeoJson(level: LevelResult, order: ArrayLike<number>, polygons: MapPolygons | undefined): FeatureCollection {
  const h = header(level);
  const geometryById = new Map<string, Geometry>();
  polygons?.ids.forEach((id, i) => geometryById.set(id, polygons.geometries[i]));
  const features: Feature[] = [];
  for (let k = 0; k < order.length; k++) {
    const unit = order[k];
    const v = values(level, unit);
    const properties = Object.fromEntries(h.map((name, c) => [name, v[c] ?? null]));
    const point: Geometry | undefined = level.lon && level.lat ? { type: 'Point', coordinates: [level.lon[unit], level.lat[unit]] } : undefined;
    const geometry = point ?? geometryById.get(level.ids[unit]);
    // A unit without geometry is still a row of the table: GeoJSON allows a null geometry.
    features.push({ type: 'Feature', id: level.ids[unit], properties, geometry: geometry ?? (null as unknown as Geometry) });
  }
  return { type: 'FeatureCollection', features };
}
