/**
 * OpenStreetMap .osm.pbf extract → RawTable of the features whose tags match (banks, ATMs,
 * shops, stops …). Nodes give points; tagged ways (a shop drawn as a building) give the mean of
 * their nodes. Regions, districts and demand read areas instead (read-osm-areas.ts: boundaries by
 * admin_level, building footprints). The layer's default tags apply when bundle.json gives no
 * `osmTags`; `osmOwnBrand` keeps one brand's banks in the network layer and out of competitors.
 */
import { BundleError } from '../errors.ts';
import { OsmNodes } from './osm-nodes.ts';
import { decodeOsmPbfFile, type OsmTags } from './osm-pbf-decode.ts';
import { readOsmAreas } from './read-osm-areas.ts';
import { describeFilter, isOwnBrand, matchTags, osmBrand, type OsmTagFilter } from './osm-tag-filter.ts';
import type { RawTable, RawValue } from './raw-table.ts';

/** By the bundle's layer names; a layer not listed needs its own osmTags. */
export const DEFAULT_OSM_TAGS: Readonly<Record<'demand' | 'competitors' | 'network' | 'pois' | 'transit', OsmTagFilter>> = {
  demand: { building: [] },
  competitors: { amenity: ['bank', 'atm'] },
  network: { amenity: ['bank', 'atm'] },
  pois: { shop: [], amenity: ['restaurant', 'cafe', 'fast_food', 'pharmacy', 'marketplace', 'post_office'] },
  transit: { highway: ['bus_stop'], railway: ['station', 'halt', 'tram_stop', 'subway_entrance'], public_transport: ['station'] },
};

/** Kept as columns whenever present; other tag keys named in the filter are kept too. */
const KEPT_TAGS = ['name', 'brand', 'operator', 'amenity', 'shop', 'highway', 'railway', 'public_transport', 'station', 'addr:street', 'addr:housenumber', 'addr:city'];

const AREA_LAYERS = new Set<string>(['regions', 'districts', 'demand']);

/** amenity=bank is a full-service branch, amenity=atm a self-service outlet (the network layer's types). */
function outletType(tags: OsmTags): string {
  return tags.amenity === 'bank' ? 'branch' : tags.amenity === 'atm' ? 'self-service' : '';
}

/** metro / rail / tram / bus from the usual OSM tagging of stops and stations. */
function transitMode(tags: OsmTags): string {
  if (tags.station === 'subway' || tags.railway === 'subway_entrance' || tags.subway === 'yes') return 'metro';
  if (tags.railway === 'tram_stop' || tags.tram === 'yes') return 'tram';
  if (tags.railway === 'station' || tags.railway === 'halt' || tags.train === 'yes') return 'rail';
  if (tags.highway === 'bus_stop' || tags.bus === 'yes') return 'bus';
  if (tags.amenity === 'ferry_terminal') return 'ferry';
  return '';
}

export function readOsmPbf(file: string, bytes: Uint8Array, layer: string, osmTags?: OsmTagFilter, ownBrand?: string): RawTable {
  const defaults: Partial<Record<string, OsmTagFilter>> = DEFAULT_OSM_TAGS;
  const filter = osmTags ?? (Object.hasOwn(defaults, layer) ? defaults[layer] : undefined);
  if (filter === undefined) {
    const example = AREA_LAYERS.has(layer) ? '{"admin_level": ["8"]}' : '{"amenity": ["bank"]}';
    throw new BundleError(file, `${file}: say which OSM features feed layer ${layer} with "osmTags" in bundle.json (e.g. ${example}).`);
  }
  if (AREA_LAYERS.has(layer)) return readOsmAreas(file, bytes, filter);
  // Own-brand features feed the network layer only; every other layer reading the file leaves them out.
  const keep = (tags: OsmTags): boolean => ownBrand === undefined || isOwnBrand(tags, ownBrand) === (layer === 'network');
  const keys = [...new Set([...KEPT_TAGS, ...Object.keys(filter)])];
  const hits: { id: string; lon: number; lat: number; tags: OsmTags; matched: string }[] = [];
  const ways: { id: number; refs: number[]; tags: OsmTags; matched: string }[] = [];
  const nodes = new OsmNodes();
  decodeOsmPbfFile(file, bytes, {
    node(id, lon, lat, tags) {
      nodes.add(id, lon, lat);
      const m = tags && matchTags(tags, filter);
      if (tags && m && keep(tags)) hits.push({ id: `node/${id}`, lon, lat, tags, matched: m.value });
    },
    way(id, refs, tags) {
      const m = tags && matchTags(tags, filter);
      if (tags && m && keep(tags)) ways.push({ id, refs, tags, matched: m.value });
    },
  }, { ways: true });
  if (ways.length > 0) {
    // Node ids → positions for way centres.
    for (const w of ways) {
      let sx = 0;
      let sy = 0;
      let n = 0;
      const refs = w.refs.length > 1 && w.refs[0] === w.refs[w.refs.length - 1] ? w.refs.slice(1) : w.refs;
      for (const ref of refs) {
        const i = nodes.find(ref);
        if (i >= 0) {
          sx += nodes.lon[i];
          sy += nodes.lat[i];
          n++;
        }
      }
      hits.push({ id: `way/${w.id}`, lon: n > 0 ? sx / n : NaN, lat: n > 0 ? sy / n : NaN, tags: w.tags, matched: w.matched });
    }
  }
  const values: Record<string, RawValue[]> = {
    id: hits.map((h) => h.id),
    lon: hits.map((h) => (Number.isNaN(h.lon) ? null : h.lon)),
    lat: hits.map((h) => (Number.isNaN(h.lat) ? null : h.lat)),
    category: hits.map((h) => h.matched),
    mode: hits.map((h) => transitMode(h.tags)),
    outlet_type: hits.map((h) => outletType(h.tags)),
    osm_brand: hits.map((h) => osmBrand(h.tags)),
  };
  for (const k of keys) values[k] = hits.map((h) => h.tags[k] ?? null);
  const columns = Object.keys(values);
  if (hits.length === 0) {
    const brand = ownBrand === undefined ? '' : layer === 'network' ? ` of brand ${ownBrand}` : ` other than brand ${ownBrand}`;
    throw new BundleError(file, `${file} has no features tagged ${describeFilter(filter)}${brand}; change "osmTags" in bundle.json or use a larger extract.`);
  }
  const brandNote = ownBrand === undefined ? '' : layer === 'network' ? ` whose brand, operator or name is ${ownBrand}` : ` not of brand ${ownBrand}`;
  return { file, columns, values, rowCount: hits.length, notes: [`OSM features matching ${JSON.stringify(filter)}${brandNote}: ${hits.length}`] };
}
