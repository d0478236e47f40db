/**
 * Column mapping choices for the data panel: which roles a layer has, a first guess of the layer
 * from the file name, and the lon/lat (and other) columns guessed from their names.
 */
import type { LayerName } from '../engine-api.ts';

const COMMON = ['id', 'name', 'lon', 'lat', 'wkt'];

export const LAYER_ROLES: Record<LayerName, string[]> = {
  regions: [...COMMON, 'population'],
  districts: [...COMMON, 'population', 'region'],
  demand: [...COMMON, 'population', 'weight', 'households', 'workers', 'income'],
  competitors: [...COMMON, 'brand', 'attractiveness', 'type'],
  network: [...COMMON, 'type', 'attractiveness'],
  pois: [...COMMON, 'category', 'weight'],
  transit: [...COMMON, 'mode', 'weight'],
  candidates: [...COMMON, 'address', 'rent', 'floor_area'],
  gazetteer: [...COMMON, 'address'],
};

const NAME_HINTS: [RegExp, LayerName][] = [
  [/ward|region|province|city|地域/i, 'regions'],
  [/tract|district|block|neighbo|地区/i, 'districts'],
  [/demand|population|grid|hex|需求|人口/i, 'demand'],
  [/bank|atm|competitor|竞争/i, 'competitors'],
  [/network|branch|outlet|网点/i, 'network'],
  [/metro|transit|stop|station|bus|rail|gtfs|交通/i, 'transit'],
  [/retail|candidate|site|候选/i, 'candidates'],
  [/gazetteer|address|地址/i, 'gazetteer'],
  [/poi|shop|store|liquor|hotel|pharmacy|兴趣/i, 'pois'],
];

export function guessLayer(fileName: string): LayerName {
  for (const [pattern, layer] of NAME_HINTS) if (pattern.test(fileName)) return layer;
  return 'pois';
}

const ROLE_NAMES: Record<string, string[]> = {
  lon: ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'stop_lon'],
  lat: ['lat', 'latitude', 'y', '纬度', 'stop_lat'],
  id: ['id', 'fid', 'objectid', 'stop_id', '编号'],
  name: ['name', 'stop_name', '名称'],
  population: ['population', 'pop', '人口'],
  address: ['address', 'addr', '地址'],
};

/** A first guess of the role of each column (only roles the layer has); the planner can change any. */
export function guessRoles(columns: string[], roleChoices: readonly string[]): Record<string, string> {
  const roles: Record<string, string> = {};
  const allowed = new Set(roleChoices);
  for (const [role, names] of Object.entries(ROLE_NAMES)) {
    if (!allowed.has(role)) continue;
    const hit = columns.find((c) => names.includes(c.trim().toLowerCase()) && !(c in roles));
    if (hit !== undefined) roles[hit] = role;
  }
  return roles;
}
