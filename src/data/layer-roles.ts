/**
 * The column roles of every layer, declared once: which are required, which optional, their units,
 * and the values recognised for the coded ones (transit modes, own-outlet types) with their
 * aliases. The loader folds aliases onto the canonical value and reports unknown values (never a
 * silent default); the README's column-roles table is generated from this (scripts/gen-schemas.ts).
 */
import type { LayerName } from './layer.ts';

export interface RoleSpec {
  role: string;
  required: boolean;
  what: string;
  /** Canonical value → aliases (lower case) recognised for it. */
  values?: Record<string, string[]>;
}

export const TRANSIT_MODES: Record<string, string[]> = {
  metro: ['metro', 'subway', 'underground', 'tube', 'mrt', 'u-bahn', 'subway_entrance', '地铁', '轨道交通', '捷运'],
  rail: ['rail', 'train', 'railway', 'commuter', 'suburban', 's-bahn', 'monorail', '铁路', '火车', '城际', '轻轨'],
  tram: ['tram', 'streetcar', 'light_rail', 'lrt', 'tram_stop', '有轨电车', '电车'],
  bus: ['bus', 'bus_stop', 'brt', 'trolleybus', 'coach', 'circulator', '公交', '公交车', '巴士', '公交站'],
  ferry: ['ferry', 'boat', 'ferry_terminal', 'water', '轮渡', '渡轮', '码头'],
  cable: ['cable', 'gondola', 'funicular', 'aerialway', '缆车'],
};

export const OUTLET_TYPES: Record<string, string[]> = {
  branch: ['branch', 'full-service', 'full_service', 'bank', 'office', '网点', '支行', '分行', '营业厅', '营业网点'],
  'self-service': ['self-service', 'self_service', 'selfservice', 'atm', 'kiosk', '自助', '自助银行', '离行式自助'],
  agent: ['agent', 'partner', 'agency', 'correspondent', '代理', '合作网点', '助农点'],
};

const AREA_ID: RoleSpec = { role: 'id', required: true, what: 'unique per file (text)' };
const ID: RoleSpec = { role: 'id', required: false, what: 'unique per file (text) [`<file>:<row>`]' };
const LON_LAT: RoleSpec = { role: 'lon, lat', required: true, what: 'degrees in the file\'s CRS (or a WKT / GeoJSON / Shapefile / GeoPackage geometry)' };

export const LAYER_ROLES: Record<LayerName, RoleSpec[]> = {
  regions: [AREA_ID, { role: 'name', required: true, what: 'text' }, { role: 'geometry', required: true, what: 'Polygon / MultiPolygon' }, { role: 'population', required: false, what: 'people' }, { role: 'income, growth', required: false, what: 'numbers in your unit' }],
  districts: [AREA_ID, { role: 'name', required: true, what: 'text' }, { role: 'geometry', required: true, what: 'Polygon / MultiPolygon' }, { role: 'population', required: false, what: 'people' }, { role: 'region', required: false, what: 'region id (else by containment)' }],
  demand: [LON_LAT, { role: 'population', required: true, what: 'people (or `weight`: households, workers …), ≥ 0; a GeoTIFF band' }, { role: 'income', required: false, what: 'number' }, ID],
  competitors: [LON_LAT, ID, { role: 'brand', required: false, what: 'text (criteria may filter by brand)' }, { role: 'attractiveness', required: false, what: 'number > 0 (floor area m², rating) [1]' }, { role: 'type', required: false, what: 'text (bank, atm …)' }],
  network: [LON_LAT, ID, { role: 'type', required: true, what: 'own outlet type', values: OUTLET_TYPES }, { role: 'attractiveness', required: false, what: 'number > 0 [1]' }, { role: 'opened', required: false, what: 'year' }],
  pois: [LON_LAT, ID, { role: 'category', required: true, what: 'text (restaurant, grocery …)' }, { role: 'weight', required: false, what: 'number [1]' }],
  transit: [LON_LAT, ID, { role: 'mode', required: true, what: 'transit mode', values: TRANSIT_MODES }, { role: 'weight', required: false, what: 'number [1]' }],
  candidates: [LON_LAT, ID, { role: 'address', required: false, what: 'text, geocoded against the gazetteer when there are no coordinates' }, { role: 'rent', required: false, what: 'money per month in your unit' }, { role: 'floor_area', required: false, what: 'm²' }],
  gazetteer: [LON_LAT, { role: 'address', required: true, what: 'full address text' }, { role: 'district, city, postcode', required: false, what: 'locality words dropped from queries when they do not match' }],
};

/** Alias (lower case, trimmed) → canonical value, for one vocabulary. */
function aliasMap(values: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(values)) for (const a of [canonical, ...aliases]) map.set(a.toLowerCase(), canonical);
  return map;
}

const CODED: Partial<Record<LayerName, { role: string; values: Map<string, string> }>> = {
  transit: { role: 'mode', values: aliasMap(TRANSIT_MODES) },
  network: { role: 'type', values: aliasMap(OUTLET_TYPES) },
};

/**
 * Folds a layer's coded column (transit mode, network type) onto canonical values in place and
 * returns notes: how many aliases were folded, and every unknown value with its count (kept as
 * written, so a scenario may still name it).
 */
export function foldCodedValues(layer: LayerName, text: Record<string, string[]>): string[] {
  const coded = CODED[layer];
  const column = coded === undefined ? undefined : text[coded.role];
  if (coded === undefined || column === undefined) return [];
  let folded = 0;
  let missing = 0;
  const unknown = new Map<string, number>();
  for (let i = 0; i < column.length; i++) {
    const written = column[i].trim();
    if (written === '') {
      missing++;
      continue;
    }
    const canonical = coded.values.get(written.toLowerCase());
    if (canonical !== undefined) {
      if (canonical !== column[i]) folded++;
      column[i] = canonical;
    } else unknown.set(written, (unknown.get(written) ?? 0) + 1);
  }
  const notes: string[] = [];
  if (folded > 0) notes.push(`${folded} ${coded.role} value(s) spelled as aliases read as their canonical names (e.g. subway → metro)`);
  if (missing > 0) notes.push(`${missing} row(s) without a ${coded.role}: weighed as "other" by criteria that use it`);
  if (unknown.size > 0) {
    const list = [...unknown].sort((a, b) => b[1] - a[1]).map(([v, n]) => `'${v}' (${n})`).join(', ');
    const known = [...new Set(coded.values.values())].join(', ');
    notes.push(`unknown ${coded.role} value(s) ${list}: not one of ${known} or their aliases; kept as written, so a scenario weighs them only if it names them (else as "other")`);
  }
  return notes;
}

/** The README's column-roles table (Markdown), generated from LAYER_ROLES. */
export function rolesTableMarkdown(): string {
  const rows = ['| layer | role | required | what, unit, recognised values |', '| --- | --- | --- | --- |'];
  for (const [layer, specs] of Object.entries(LAYER_ROLES)) {
    for (const s of specs) {
      const values = s.values ? ': ' + Object.entries(s.values).map(([k, aliases]) => `**${k}** (${aliases.filter((a) => a !== k).join(', ')})`).join('; ') : '';
      rows.push(`| ${layer} | \`${s.role}\` | ${s.required ? 'yes' : ''} | ${s.what}${values} |`);
    }
  }
  return rows.join('\n') + '\n';
}
