/**
 * `siteselect init`'s brain, platform-neutral: given the tables of a folder's files, propose
 * which file feeds which layer and which column feeds which role. One file per layer (the best by
 * file name, columns and geometry; the others are listed as alternatives), so the proposal loads
 * without duplicates; a person edits the result, so every choice carries its reason.
 */
import type { LayerEntry } from './bundle-manifest.ts';
import type { LayerName } from './layer.ts';
import type { RawTable, RawValue } from '../io/raw-table.ts';
import { detectLonLat, detectRoleColumn, findByNames } from './detect-columns.ts';
import { TRANSIT_MODES } from './layer-roles.ts';

export type GeometryKind = 'polygon' | 'point' | 'line' | 'none';

export interface FileProfile {
  /** Path as it will be written into bundle.json. */
  file: string;
  format: string;
  rows: number;
  geometry: GeometryKind;
  columns: string[];
  table: RawTable;
}

export interface ProposedLayer {
  entry: LayerEntry;
  /** Why this file and these columns, for the printed proposal. */
  reasons: string[];
  alternatives: string[];
}

export interface BundleProposal {
  layers: ProposedLayer[];
  /** Files read but not proposed, with why. */
  unused: { file: string; reason: string }[];
}

/** File-name words that point to a layer (English and Chinese); the first that matches scores. */
const NAME_HINTS: Record<LayerName, [RegExp, number][]> = {
  regions: [[/ward|region|province|state|county|prefecture|省|地域|boundary|outline/i, 3]],
  districts: [[/district|neighbo|suburb|subdistrict|街道|地区|区划/i, 3], [/tract|zone|cluster/i, 1]],
  demand: [[/population|人口|tract|grid|cell|hex|worldpop|ghs/i, 3], [/block|zone|taz/i, 1]],
  competitors: [[/atm/i, 2], [/bank|competitor|rival|银行|竞争|竞品/i, 3]],
  network: [[/own|network|outlet|branches|网点|自有/i, 3]],
  pois: [[/poi|shop|store|retail|restaurant|grocery|pharmacy|hotel|amenit|商|店|餐/i, 2]],
  transit: [[/gas|fuel|petrol|加油/i, 0], [/transit|stop|station|metro|subway|bus|rail|tram|ferry|gtfs|地铁|公交|站/i, 3]],
  candidates: [[/candidate|site|premise|候选|选址|物业|铺位/i, 3]],
  gazetteer: [[/gazetteer|address|地址/i, 3]],
};

/** Layers in the order they claim files: areas first, then demand, then points. */
const ORDER: LayerName[] = ['regions', 'demand', 'districts', 'competitors', 'network', 'transit', 'candidates', 'pois', 'gazetteer'];
const AREA_LAYERS = new Set<LayerName>(['regions', 'districts']);

const POPULATION = /^(population|pop|pop_?total|total_?pop(ulation)?|totpop|pop_?(19|20)\d\d|pop(19|20)\d\d|p0010001|人口|总人口|常住人口|人口数)$/i;
const ID_NAMES = ['id', 'fid', 'geoid', 'gis_id', 'code', 'objectid', 'objectid_1', '编号', 'osm_id', 'stop_id', 'cell_id'];
const NAME_NAMES = ['name', '名称', '名字', 'sitename', 'storename', 'trade_name', 'stop_name', 'title'];
const BRAND_NAMES = ['brand', '品牌', 'operator', 'bank', 'bank_name', 'company', 'chain'];
const MODES: [RegExp, string][] = [[/metro|subway|地铁|轨道/i, 'metro'], [/tram|电车/i, 'tram'], [/ferry|轮渡/i, 'ferry'], [/rail|train|铁路|火车/i, 'rail'], [/bus|circulator|公交/i, 'bus']];

const year = (file: string): number => Math.max(0, ...[...file.matchAll(/(19|20)\d\d/g)].map((m) => Number(m[0])));
const base = (file: string): string => file.split('/').pop() ?? file;
const stem = (file: string): string => base(file).replace(/\.[^.]*$/, '').replace(/\.(osm|shp)$/, '').replace(/[-_ ]?(locations?|points?|sites?)$/i, '');

const MODE_ALIASES = new Set(Object.entries(TRANSIT_MODES).flatMap(([k, aliases]) => [k, ...aliases]));

/** A column whose filled values are mostly transit modes or their aliases (OSM's highway=bus_stop). */
function mostlyModes(values: RawValue[]): boolean {
  let filled = 0;
  let modes = 0;
  for (const v of values) {
    if (v === null || v === '') continue;
    filled++;
    if (MODE_ALIASES.has(String(v).trim().toLowerCase())) modes++;
  }
  return filled > 0 && modes / filled >= 0.5;
}

function distinctShare(values: RawValue[]): { share: number; filled: number; unique: boolean } {
  const seen = new Set<string>();
  let filled = 0;
  for (const v of values) {
    if (v === null || v === '') continue;
    filled++;
    seen.add(String(v));
  }
  return { share: filled === 0 ? 1 : seen.size / filled, filled, unique: filled === values.length && seen.size === filled };
}

export function populationColumn(columns: string[]): string | undefined {
  return columns.find((c) => POPULATION.test(c.trim()));
}

function layerScore(p: FileProfile, layer: LayerName): number {
  const name = base(p.file);
  let score: number;
  score = NAME_HINTS[layer].find(([re]) => re.test(name))?.[1] ?? 0;
  const hasPopulation = populationColumn(p.columns) !== undefined;
  if (p.format === 'geotiff') return layer === 'demand' ? 5 : 0;
  if (p.format === 'gtfs') return layer === 'transit' ? 5 : 0;
  if (AREA_LAYERS.has(layer)) return p.geometry === 'polygon' ? score : 0;
  if (layer === 'demand') return (p.geometry === 'polygon' || p.geometry === 'point') && hasPopulation ? score + 1 : 0;
  if (p.geometry !== 'point') return 0;
  // Stops with a mode column, or metro and rail stations (the access criterion weighs them most), come first.
  if (layer === 'transit' && (detectRoleColumn(p.columns, 'mode') !== undefined || /metro|subway|rail|地铁/i.test(name))) score += 1;
  return score;
}

/** The role → column map for one file as one layer, with the reasons. */
function proposeColumns(p: FileProfile, layer: LayerName): { columns: NonNullable<LayerEntry['columns']>; reasons: string[] } {
  const columns: NonNullable<LayerEntry['columns']> = {};
  const reasons: string[] = [];
  if (p.format === 'geotiff') return { columns, reasons: ['population ← band 1 of the raster, one point per cell centre (set "band" / "bandRole" for another; "cells": "polygons" keeps the cell squares too)'] };
  const v = (c: string): RawValue[] => p.table.values[c] ?? [];
  // A column named after the layer's word (WARD in a wards file) is a natural id, before row numbers like OBJECTID.
  const keyword = (NAME_HINTS[layer].at(-1)?.[0].source.split('|')[0] ?? '').replace(/[^a-z]/gi, '').toLowerCase();
  const idNames = [...ID_NAMES.slice(0, 5), keyword, ...ID_NAMES.slice(5)];
  const idCandidates = idNames.map((n) => findByNames(p.columns, [n])).filter((c): c is string => c !== undefined);
  const id = idCandidates.find((c) => distinctShare(v(c)).unique);
  if (id !== undefined) {
    columns.id = id;
    reasons.push(`id ← ${id} (unique in every row)`);
  } else reasons.push('id: no column unique in every row; ids will be <file>:<row>');
  const name = findByNames(p.columns, NAME_NAMES) ?? p.columns.find((c) => /name$/i.test(c) && c !== id);
  if (name !== undefined && (AREA_LAYERS.has(layer) || layer === 'candidates' || layer === 'transit' || layer === 'pois')) columns.name = name;
  const population = populationColumn(p.columns);
  if (population !== undefined && (layer === 'demand' || AREA_LAYERS.has(layer))) {
    columns.population = population;
    reasons.push(`population ← ${population}`);
  }
  if (layer === 'competitors' || layer === 'network') {
    const brand = findByNames(p.columns, BRAND_NAMES) ?? (name !== undefined && distinctShare(v(name)).share < 0.6 ? name : undefined);
    if (brand !== undefined) {
      columns.brand = brand;
      reasons.push(`brand ← ${brand}${findByNames(p.columns, BRAND_NAMES) === undefined ? ' (names repeat across rows, so they read as brands)' : ''}`);
    } else reasons.push('brand: no brand column found (all competitors count as one brand)');
    const type = detectRoleColumn(p.columns, 'type') ?? findByNames(p.columns, ['amenity', '类型']);
    if (type !== undefined) columns.type = type;
  }
  if (layer === 'transit') {
    const mode = detectRoleColumn(p.columns, 'mode') ?? p.columns.find((c) => mostlyModes(v(c)));
    const fromName = MODES.find(([re]) => re.test(base(p.file)))?.[1];
    if (mode !== undefined) {
      columns.mode = mode;
      reasons.push(`mode ← ${mode}`);
    }
    else if (fromName !== undefined) {
      columns.mode = { value: fromName };
      reasons.push(`mode = ${fromName} (from the file name)`);
    } else reasons.push('mode: none found; set columns.mode (metro, rail, tram, bus, ferry)');
  }
  if (layer === 'pois') {
    const category = detectRoleColumn(p.columns, 'category') ?? findByNames(p.columns, ['type', 'shop', 'amenity']);
    columns.category = category ?? { value: stem(p.file) };
    reasons.push(category !== undefined ? `category ← ${category}` : `category = ${stem(p.file)} (from the file name)`);
  }
  if (layer === 'candidates' || layer === 'gazetteer' || layer === 'competitors') {
    const address = detectRoleColumn(p.columns, 'address') ?? findByNames(p.columns, ['gisaddress', 'full_address', '详细地址']);
    if (address !== undefined) columns.address = address;
  }
  if (p.geometry !== 'polygon' && !p.table.geometry) {
    const ll = detectLonLat(p.columns);
    if (ll !== null) reasons.push(`coordinates ← ${ll.lon}, ${ll.lat}`);
  }
  return { columns, reasons };
}

function geometryLabel(p: FileProfile): string {
  return p.format === 'geotiff' ? 'raster cells' : `${p.geometry === 'none' ? 'no geometry' : p.geometry + 's'}`;
}

export function proposeBundle(profiles: FileProfile[]): BundleProposal {
  const claimed = new Set<string>();
  const layers: ProposedLayer[] = [];
  for (const layer of ORDER) {
    const ranked = profiles
      .filter((p) => !claimed.has(p.file))
      .map((p) => ({ p, score: layerScore(p, layer) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || year(b.p.file) - year(a.p.file) || b.p.rows - a.p.rows || a.p.file.localeCompare(b.p.file));
    if (ranked.length === 0) continue;
    const best = ranked[0].p;
    claimed.add(best.file);
    const { columns, reasons } = proposeColumns(best, layer);
    const entry: LayerEntry = { layer, file: best.file };
    if (layer === 'demand' && best.geometry === 'polygon') entry.polygons = 'centroid';
    if (Object.keys(columns).length > 0) entry.columns = columns;
    reasons.unshift(`${best.rows} ${geometryLabel(best)}, ${best.format}`);
    layers.push({ entry, reasons, alternatives: ranked.slice(1).map((x) => x.p.file) });
  }
  const unused = profiles
    .filter((p) => !claimed.has(p.file))
    .map((p) => ({ file: p.file, reason: `${p.rows} ${geometryLabel(p)}: ${layers.some((l) => l.alternatives.includes(p.file)) ? 'an alternative to a chosen file' : 'no layer recognised from its name and columns'}` }));
  return { layers, unused };
}

/** The geometry a table's records carry: from its geometry, a WKT column, or lon/lat columns. */
export function geometryKind(table: RawTable): GeometryKind {
  if (table.geometry !== undefined) {
    const g = table.geometry.find((x) => x !== null);
    if (g === undefined) return 'none';
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') return 'polygon';
    if (g.type === 'Point' || g.type === 'MultiPoint') return 'point';
    return 'line';
  }
  if (detectLonLat(table.columns) !== null) return 'point';
  const wkt = table.columns.find((c) => typeof table.values[c]?.[0] === 'string' && /^\s*(MULTI)?POLYGON\b/i.test(String(table.values[c][0])));
  if (wkt !== undefined) return 'polygon';
  return 'none';
}
