/**
 * `siteselect init --osm`'s brain, platform-neutral: one OpenStreetMap extract → a bundle whose
 * layers all read the extract itself through `osmTags` (regions and districts from administrative
 * boundaries by admin_level, own branches and competitors from amenity=bank|atm split by brand,
 * POIs, transit stops, demand from building floor area unless a population file is given). Each
 * layer is read once here, so the printed counts are what `validate` will load.
 */
import type { LayerEntry } from './bundle-manifest.ts';
import type { LayerName } from './layer.ts';
import type { BundleProposal, ProposedLayer } from './propose-bundle.ts';
import { DEFAULT_OSM_TAGS, readOsmPbf } from '../io/read-osm-pbf.ts';
import { readOsmAreas } from '../io/read-osm-areas.ts';
import type { OsmTagFilter } from '../io/osm-tag-filter.ts';
import type { RawTable } from '../io/raw-table.ts';

export interface OsmProposalOptions {
  /** The brand whose banks and ATMs are the own network (brand, operator or name). */
  ownBrand?: string;
  /** admin_level of regions and (optionally) districts; chosen from the extract when absent. */
  adminLevels?: [string, string?];
  /** A demand layer proposed from another file (a population raster or table), instead of buildings. */
  demand?: ProposedLayer;
}

export interface AdminLevelCount {
  level: string;
  /** Boundaries assembled into closed polygons. */
  complete: number;
  /** Boundaries the extract cuts (member ways missing or not closing). */
  incomplete: number;
}

/** How many boundaries of each admin_level the extract holds whole (and how many it cuts). */
export function adminLevels(file: string, bytes: Uint8Array): AdminLevelCount[] {
  let table: RawTable;
  try {
    // The same filter the layers use ({admin_level: [level]}), so these counts are what will load.
    table = readOsmAreas(file, bytes, { admin_level: [] });
  } catch {
    return [];
  }
  const byLevel = new Map<string, AdminLevelCount>();
  table.values.admin_level.forEach((v, i) => {
    const level = String(v ?? '');
    if (level === '') return;
    const c = byLevel.get(level) ?? { level, complete: 0, incomplete: 0 };
    if (table.geometry?.[i]) c.complete++;
    else c.incomplete++;
    byLevel.set(level, c);
  });
  return [...byLevel.values()].sort((a, b) => Number(a.level) - Number(b.level));
}

/** Regions: the coarsest level split into ≥ 2 whole areas; districts: the next level with more. */
export function chooseAdminLevels(counts: AdminLevelCount[]): [string?, string?] {
  const usable = counts.filter((c) => c.complete >= 2);
  const regions = usable[0];
  const districts = usable.find((c) => Number(c.level) > Number(regions?.level) && c.complete > (regions?.complete ?? 0));
  return [regions?.level, districts?.level];
}

/** Brands of the extract's banks and ATMs (own and others), most frequent first, for choosing --own-brand. */
export function bankBrands(tables: (RawTable | undefined)[]): { brand: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const table of tables) {
    for (const b of table?.values.osm_brand ?? []) counts.set(String(b || '(no brand)'), (counts.get(String(b || '(no brand)')) ?? 0) + 1);
  }
  return [...counts].map(([brand, count]) => ({ brand, count })).sort((a, b) => b.count - a.count || a.brand.localeCompare(b.brand));
}

function tryLayer(file: string, bytes: Uint8Array, layer: LayerName, osmTags: OsmTagFilter | undefined, ownBrand?: string): { table?: RawTable; reason?: string } {
  try {
    return { table: readOsmPbf(file, bytes, layer, osmTags, ownBrand) };
  } catch (err) {
    return { reason: err instanceof Error ? err.message : String(err) };
  }
}

export function proposeOsmBundle(file: string, bytes: Uint8Array, opts: OsmProposalOptions = {}): BundleProposal & { missing: { layer: LayerName; reason: string }[] } {
  const layers: ProposedLayer[] = [];
  const missing: { layer: LayerName; reason: string }[] = [];
  const add = (entry: LayerEntry, table: RawTable | undefined, reason: string | undefined, reasons: string[]): void => {
    if (table === undefined) {
      missing.push({ layer: entry.layer, reason: reason ?? 'nothing found' });
      return;
    }
    const complete = table.geometry ? table.geometry.filter((g) => g !== null).length : table.rowCount;
    const cut = table.rowCount - complete;
    layers.push({ entry, reasons: [`${complete} ${table.geometry ? 'areas' : 'features'} from the extract${cut > 0 ? ` (${cut} more cut by its edge: rejected on load)` : ''}`, ...reasons], alternatives: [] });
  };

  const counts = adminLevels(file, bytes);
  const [regionLevel, districtLevel] = opts.adminLevels ?? chooseAdminLevels(counts);
  const found = counts.map((c) => `${c.level}: ${c.complete}${c.incomplete ? ` (+${c.incomplete} cut)` : ''}`).join(', ');
  const levelsNote = counts.length ? `admin levels in the extract (whole areas): ${found}; choose others with --admin-levels REGION,DISTRICT` : '';
  for (const [layer, level] of [['regions', regionLevel], ['districts', districtLevel]] as const) {
    if (level === undefined) {
      missing.push({ layer, reason: counts.length === 0 ? 'the extract holds no administrative boundaries (areas tagged admin_level); add a boundary file to the bundle' : `no admin level left with ≥ 2 whole areas (${found})` });
      continue;
    }
    const osmTags = { admin_level: [level] };
    const count = counts.find((c) => c.level === level);
    if (count === undefined || count.complete === 0) {
      missing.push({ layer, reason: `no whole area of admin_level ${level} in the extract${found ? ` (${found})` : ''}` });
      continue;
    }
    const cut = count.incomplete > 0 ? ` (${count.incomplete} more cut by its edge: rejected on load)` : '';
    layers.push({
      entry: { layer, file, format: 'osm-pbf', osmTags, columns: { id: 'id', name: 'name' } },
      reasons: [`${count.complete} areas from the extract${cut}`, `boundaries of admin_level ${level}, relations assembled into polygons`, ...(levelsNote ? [levelsNote] : [])],
      alternatives: [],
    });
  }

  if (opts.demand) layers.push(opts.demand);
  else {
    const { table, reason } = tryLayer(file, bytes, 'demand', DEFAULT_OSM_TAGS.demand);
    add({ layer: 'demand', file, format: 'osm-pbf', osmTags: DEFAULT_OSM_TAGS.demand, polygons: 'centroid', columns: { id: 'id', population: 'floor_area_m2' } }, table, reason, [
      'population ← floor_area_m2: building footprint area × building:levels (1 where untagged), a PROXY for where people live and work, not a head count; give --population RASTER for people',
    ]);
  }

  const banks = DEFAULT_OSM_TAGS.competitors;
  const own = opts.ownBrand !== undefined ? tryLayer(file, bytes, 'network', banks, opts.ownBrand) : undefined;
  const rivals = tryLayer(file, bytes, 'competitors', banks, opts.ownBrand);
  const brands = bankBrands([own?.table, rivals.table]).slice(0, 8).map((b) => `${b.brand} ${b.count}`).join(', ');
  if (own !== undefined) {
    add({ layer: 'network', file, format: 'osm-pbf', osmTags: banks, osmOwnBrand: opts.ownBrand, columns: { id: 'id', type: 'outlet_type', brand: 'osm_brand' } }, own.table, own.reason, [
      `banks and ATMs whose brand, operator or name holds "${opts.ownBrand}"; type ← outlet_type (bank → branch, atm → self-service)`,
    ]);
  }
  add({ layer: 'competitors', file, format: 'osm-pbf', osmTags: banks, ...(opts.ownBrand !== undefined ? { osmOwnBrand: opts.ownBrand } : {}), columns: { id: 'id', brand: 'osm_brand', type: 'outlet_type' } }, rivals.table, rivals.reason, [
    `amenity=bank|atm${opts.ownBrand !== undefined ? ` other than ${opts.ownBrand}` : ''}; brand ← osm_brand (brand, else operator, else name)`,
    ...(brands ? [`brands found: ${brands}${opts.ownBrand === undefined ? '; name yours with --own-brand NAME to make them the network layer' : ''}`] : []),
  ]);

  const pois = tryLayer(file, bytes, 'pois', DEFAULT_OSM_TAGS.pois);
  add({ layer: 'pois', file, format: 'osm-pbf', osmTags: DEFAULT_OSM_TAGS.pois, columns: { id: 'id', category: 'category' } }, pois.table, pois.reason, ['category ← the matched tag value (supermarket, restaurant, pharmacy …)']);
  const transit = tryLayer(file, bytes, 'transit', DEFAULT_OSM_TAGS.transit);
  add({ layer: 'transit', file, format: 'osm-pbf', osmTags: DEFAULT_OSM_TAGS.transit, columns: { id: 'id', mode: 'mode' } }, transit.table, transit.reason, ['mode ← from the stop\'s tags (bus_stop → bus, railway=station → rail, subway → metro, tram_stop → tram)']);
  return { layers, unused: [], missing };
}
