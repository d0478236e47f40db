/**
 * Finds the coordinate, WKT, id and other well-known columns of a table by their common names
 * (English and Chinese), so a plain CSV loads without a column map in bundle.json.
 */
const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'stop_lon', 'lon_wgs84', 'wgs84_lon', 'longitude_wgs84', 'xcoord', 'x_coord', '东经'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度', 'stop_lat', 'lat_wgs84', 'wgs84_lat', 'latitude_wgs84', 'ycoord', 'y_coord', '北纬'];
const PAIRS: [string, string][] = [
  ['lon', 'lat'],
  ['lng', 'lat'],
  ['long', 'lat'],
  ['longitude', 'latitude'],
  ['经度', '纬度'],
  ['stop_lon', 'stop_lat'],
  ['lon_wgs84', 'lat_wgs84'],
  ['wgs84_lon', 'wgs84_lat'],
  ['x', 'y'],
];
const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', 'wkt_geom', '几何'];

/** Canonical role → common source names (lower case). Used only when bundle.json maps no column. */
export const ROLE_ALIASES: Record<string, string[]> = {
  id: ['id', 'fid', 'stop_id', 'site_id', 'store_id', 'branch_id', 'outlet_id', 'location_id', 'candidate_id', 'poi_id', 'objectid', 'uid', 'site_code', 'store_code', '编号', '网点编号', '门店编号', '站点编号'],
  name: ['name', 'stop_name', '名称', '名字', 'title'],
  address: ['address', 'addr', '地址', 'full_address'],
  population: ['population', 'pop', 'pop_total', '人口', 'weight'],
  brand: ['brand', '品牌', 'operator'],
  category: ['category', '类别', '类型'],
  type: ['type', 'kind'],
  mode: ['mode', 'route_type'],
  rent: ['rent', '租金'],
  floor_area: ['floor_area', 'area_m2', '面积'],
};

/** The first of `names` (lower case) that is a column, matched case-insensitively. */
export function findByNames(columns: string[], names: string[]): string | undefined {
  const lower = new Map(columns.map((c) => [c.trim().toLowerCase(), c]));
  for (const n of names) {
    const hit = lower.get(n);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export function detectLonLat(columns: string[]): { lon: string; lat: string } | null {
  // Try each naming family as a pair first so that e.g. x never pairs with lat when y is there.
  for (const [lonName, latName] of PAIRS) {
    const lon = findByNames(columns, [lonName]);
    const lat = findByNames(columns, [latName]);
    if (lon !== undefined && lat !== undefined) return { lon, lat };
  }
  const lon = findByNames(columns, LON_NAMES);
  const lat = findByNames(columns, LAT_NAMES);
  return lon !== undefined && lat !== undefined ? { lon, lat } : null;
}

export function detectWkt(columns: string[], sample: (column: string) => unknown): string | undefined {
  const byName = findByNames(columns, WKT_NAMES);
  const looksWkt = (c: string): boolean => {
    const v = sample(c);
    return typeof v === 'string' && /^\s*(?:SRID=\d+;\s*)?(POINT|POLYGON|MULTIPOLYGON)\b/i.test(v);
  };
  if (byName !== undefined && looksWkt(byName)) return byName;
  return columns.find(looksWkt);
}

export function detectRoleColumn(columns: string[], role: string): string | undefined {
  const aliases = ROLE_ALIASES[role];
  return aliases === undefined ? findByNames(columns, [role.toLowerCase()]) : findByNames(columns, aliases);
}
