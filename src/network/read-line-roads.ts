/**
 * Roads from a table of lines (GeoJSON, GeoParquet, or any table with a WKT column): one way per
 * LineString (each part of a MultiLineString), joined where their vertices share a position.
 * Optional columns: the class (`highway`, `class`, `fclass`, `type`; default `road`), a speed in
 * km/h for every mode (`speed`, `speed_kmh`), `maxspeed`, `oneway` (yes/no/1/-1/true/false), and
 * `foot` / `bicycle` / `motor_vehicle` = no. A row without a line is reported, not dropped silently.
 */
import type { Geometry, Position } from 'geojson';
import { BundleError } from '../errors.ts';
import type { RawTable, RawValue } from '../io/raw-table.ts';
import { parseWkt } from '../io/wkt.ts';
import { parseMaxspeed, parseOneway } from './profiles.ts';
import { forbiddenModes } from './read-osm-roads.ts';
import { RoadWaysBuilder, type RoadWays } from './road-ways.ts';

const CLASS_COLUMNS = ['highway', 'class', 'fclass', 'type'];
const SPEED_COLUMNS = ['speed', 'speed_kmh'];
const ACCESS_COLUMNS = ['access', 'foot', 'bicycle', 'vehicle', 'motorcar', 'motor_vehicle', 'area'];

function column(table: RawTable, names: string[]): RawValue[] | undefined {
  const lower = new Map(table.columns.map((c) => [c.toLowerCase(), c]));
  for (const name of names) {
    const found = lower.get(name);
    if (found !== undefined) return table.values[found];
  }
  return undefined;
}

function text(v: RawValue | undefined): string | undefined {
  return v === null || v === undefined ? undefined : String(v).trim();
}

function geometryOf(table: RawTable, wkt: RawValue[] | undefined, r: number): Geometry | string {
  const g = table.geometry?.[r];
  if (g) return g;
  const w = text(wkt?.[r]);
  if (w === undefined || w === '') return table.geometryErrors?.[r] ?? 'no geometry';
  const parsed = parseWkt(w);
  return 'error' in parsed ? parsed.error.reason : parsed.geometry;
}

function linesOf(g: Geometry): Position[][] | null {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return null;
}

export function readLineRoads(table: RawTable): RoadWays {
  const { file } = table;
  const cls = column(table, CLASS_COLUMNS);
  const speed = column(table, SPEED_COLUMNS);
  const maxspeed = column(table, ['maxspeed']);
  const oneway = column(table, ['oneway']);
  const junction = column(table, ['junction']);
  const wkt = column(table, ['wkt', 'geometry', 'geom']);
  const access = ACCESS_COLUMNS.map((name) => [name, column(table, [name])] as const).filter(([, values]) => values !== undefined);
  const key = new Map<string, number>();
  const lon: number[] = [];
  const lat: number[] = [];
  const builder = new RoadWaysBuilder();
  const rejects: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const g = geometryOf(table, wkt, r);
    const lines = typeof g === 'string' ? null : linesOf(g);
    if (!lines) {
      rejects.push(`row ${r + 1}: ${typeof g === 'string' ? g : `a ${g.type}, not a line`}`);
      continue;
    }
    const tags: Record<string, string> = {};
    for (const [name, values] of access) {
      const v = text(values?.[r]);
      if (v !== undefined) tags[name] = v.toLowerCase();
    }
    const attrs = {
      highway: text(cls?.[r]) || 'road',
      maxspeed: parseMaxspeed(text(maxspeed?.[r])),
      speed: Number(text(speed?.[r]) ?? NaN),
      oneway: parseOneway(text(oneway?.[r])?.toLowerCase(), text(junction?.[r])),
      forbid: forbiddenModes(tags),
    };
    for (const line of lines) {
      const nodes: number[] = [];
      for (const p of line) {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
        // Vertices within ~1 cm are one node: that is how lines drawn to meet are joined.
        const k = `${Math.round(p[0] * 1e7)},${Math.round(p[1] * 1e7)}`;
        let v = key.get(k);
        if (v === undefined) {
          v = lon.length;
          key.set(k, v);
          lon.push(p[0]);
          lat.push(p[1]);
        }
        if (nodes[nodes.length - 1] !== v) nodes.push(v);
      }
      if (nodes.length >= 2) builder.add(nodes, attrs);
      else rejects.push(`row ${r + 1}: a line with fewer than two distinct positions`);
    }
  }
  if (builder.wayCount === 0) throw new BundleError(file, `${file} has no usable lines (${rejects.slice(0, 3).join('; ') || 'no rows'}); give roads as LineString features or a WKT column.`);
  const notes = [`${builder.wayCount} road lines through ${lon.length} nodes`];
  if (rejects.length > 0) notes.push(`${rejects.length} rows not used: ${rejects.slice(0, 5).join('; ')}${rejects.length > 5 ? '; …' : ''}`);
  return builder.build(file, Float64Array.from(lon), Float64Array.from(lat), notes);
}
