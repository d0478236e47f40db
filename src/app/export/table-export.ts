/**
 * The ranked table of the shown level as CSV or GeoJSON: the rows in the table's order, where each
 * unit is (region, district, its ranks there), whether it is kept and why not, and the breakdown
 * (raw, normalised, contribution per criterion), so an export explains every score. The CSV rounds
 * to meaningful digits; GeoJSON keeps full precision.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { rankWithinGroups, siteParents, siteRanks, type FunnelResult, type LevelResult } from '../engine-api.ts';
import { reasonTexts } from '../table/reason-text.ts';
import type { MapPolygons } from '../worker/messages.ts';
import { csvText, type CsvCell as Cell } from '../engine-api.ts';

/** Four significant digits (whole numbers above 1 000 stay whole). */
function significant(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(v))));
  return Number(v.toFixed(Math.min(digits, 6)));
}
const fixed = (v: number, d: number): number => (Number.isFinite(v) ? Number(v.toFixed(d)) : v);

interface Columns {
  header: string[];
  row(unit: number, round: boolean): Cell[];
}

function columns(funnel: FunnelResult, level: LevelResult): Columns {
  const reasons = reasonTexts(funnel, level);
  const name = (l: LevelResult, i: number): string => (i >= 0 ? l.names[i] || l.ids[i] : '');
  const header = ['rank', 'id', 'name'];
  const place: ((u: number) => Cell[])[] = [];
  if (level.level === 'district') {
    header.push('region', 'rank_in_region');
    const inRegion = rankWithinGroups(level, level.parent);
    place.push((u) => [name(funnel.regions, level.parent[u]), inRegion[u]]);
  } else if (level.level === 'site') {
    const { district, region } = siteParents(funnel, level);
    const ranks = siteRanks(funnel, level);
    header.push('region', 'district', 'rank_in_region', 'rank_in_district');
    place.push((u) => [name(funnel.regions, region[u]), name(funnel.districts, district[u]), ranks.inRegion[u], ranks.inDistrict[u]]);
  }
  header.push('score', 'kept', 'reason');
  for (const c of level.criteria) header.push(`${c.name}_raw`, `${c.name}_normalised`, `${c.name}_contribution`);
  return {
    header,
    row(u, round) {
      const cells: Cell[] = [level.rank[u], level.ids[u], level.names[u], ...place.flatMap((p) => p(u))];
      cells.push(round ? fixed(level.score[u], 1) : level.score[u], level.kept[u] ? 'yes' : 'no', reasons(u));
      for (const c of level.criteria) {
        if (round) cells.push(significant(c.raw[u]), fixed(c.normalised[u], 3), fixed(c.contribution[u], 2));
        else cells.push(c.raw[u], c.normalised[u], c.contribution[u]);
      }
      return cells;
    },
  };
}

export function tableCsv(funnel: FunnelResult, level: LevelResult, order: ArrayLike<number>): string {
  const c = columns(funnel, level);
  const header = [...c.header];
  const withCoords = level.lon !== undefined && level.lat !== undefined;
  if (withCoords) header.push('lon', 'lat');
  const rows: Cell[][] = [];
  for (let k = 0; k < order.length; k++) {
    const unit = order[k];
    const row = c.row(unit, true);
    if (level.lon && level.lat) row.push(fixed(level.lon[unit], 6), fixed(level.lat[unit], 6));
    rows.push(row);
  }
  return csvText(header, rows);
}

export function tableGeoJson(funnel: FunnelResult, level: LevelResult, order: ArrayLike<number>, polygons: MapPolygons | undefined): FeatureCollection {
  const c = columns(funnel, level);
  const geometryById = new Map<string, Geometry>();
  polygons?.ids.forEach((id, i) => geometryById.set(id, polygons.geometries[i]));
  const features: Feature[] = [];
  for (let k = 0; k < order.length; k++) {
    const unit = order[k];
    const v = c.row(unit, false);
    const properties = Object.fromEntries(c.header.map((name, j) => [name, v[j] ?? null]));
    const point: Geometry | undefined = level.lon && level.lat ? { type: 'Point', coordinates: [level.lon[unit], level.lat[unit]] } : undefined;
    const geometry = point ?? geometryById.get(level.ids[unit]);
    // A unit without geometry is still a row of the table: GeoJSON allows a null geometry.
    features.push({ type: 'Feature', id: level.ids[unit], properties, geometry: geometry ?? (null as unknown as Geometry) });
  }
  return { type: 'FeatureCollection', features };
}
