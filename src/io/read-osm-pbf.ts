/**
 * OpenStreetMap .osm.pbf extract → RawTable of the features whose tags match (banks, ATMs,
 * shops, stops …). Nodes give points; tagged ways (a shop drawn as a building) give the mean of
 * their nodes. The layer's default tags apply when bundle.json gives no `osmTags`.
 */
import { BundleError } from '../data/errors.ts';
import type { LayerName } from '../data/layer.ts';
import { OsmNodeIndex } from './osm-node-index.ts';
import { decodeOsmPbf, type OsmTags } from './osm-pbf-decode.ts';
import type { RawTable, RawValue } from './raw-table.ts';

export type OsmTagFilter = Record<string, string[]>;

export const DEFAULT_OSM_TAGS: Partial<Record<LayerName, OsmTagFilter>> = {
  competitors: { amenity: ['bank', 'atm'] },
  network: { amenity: ['bank', 'atm'] },
  pois: { shop: [], amenity: ['restaurant', 'cafe', 'fast_food', 'pharmacy', 'marketplace', 'post_office'] },
  transit: { highway: ['bus_stop'], railway: ['station', 'halt', 'tram_stop', 'subway_entrance'], public_transport: ['station'] },
};

/** Kept as columns whenever present; other tag keys named in the filter are kept too. */
const KEPT_TAGS = ['name', 'brand', 'operator', 'amenity', 'shop', 'highway', 'railway', 'public_transport', 'station', 'addr:street', 'addr:housenumber', 'addr:city'];

function match(tags: OsmTags, filter: OsmTagFilter): { key: string; value: string } | null {
  for (const [key, values] of Object.entries(filter)) {
    const v = tags[key];
    if (v !== undefined && (values.length === 0 || values.includes(v))) return { key, value: v };
  }
  return null;
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

export function readOsmPbf(file: string, bytes: Uint8Array, layer: LayerName, osmTags?: OsmTagFilter): RawTable {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); download the extract again.`);
  const filter = osmTags ?? DEFAULT_OSM_TAGS[layer];
  if (filter === undefined) throw new BundleError(file, `${file}: say which OSM features feed layer ${layer} with "osmTags" in bundle.json (e.g. {"amenity": ["bank"]}).`);
  const keys = [...new Set([...KEPT_TAGS, ...Object.keys(filter)])];
  const hits: { id: string; lon: number; lat: number; tags: OsmTags; matched: string }[] = [];
  const ways: { id: number; refs: number[]; tags: OsmTags; matched: string }[] = [];
  const nodeIds: number[] = [];
  const nodeLon: number[] = [];
  const nodeLat: number[] = [];
  try {
    decodeOsmPbf(bytes, {
      node(id, lon, lat, tags) {
        nodeIds.push(id);
        nodeLon.push(lon);
        nodeLat.push(lat);
        const m = tags && match(tags, filter);
        if (tags && m) hits.push({ id: `node/${id}`, lon, lat, tags, matched: m.value });
      },
      way(id, refs, tags) {
        const m = tags && match(tags, filter);
        if (tags && m) ways.push({ id, refs, tags, matched: m.value });
      },
    }, { ways: true });
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable OSM PBF extract (${err instanceof Error ? err.message : String(err)}); download or export it again.`, { cause: err });
  }
  if (ways.length > 0) {
    // Node ids → positions for way centres.
    const nodes = new OsmNodeIndex(nodeIds);
    const find = (id: number): number => nodes.find(id);
    for (const w of ways) {
      let sx = 0;
      let sy = 0;
      let n = 0;
      const refs = w.refs.length > 1 && w.refs[0] === w.refs[w.refs.length - 1] ? w.refs.slice(1) : w.refs;
      for (const ref of refs) {
        const i = find(ref);
        if (i >= 0) {
          sx += nodeLon[i];
          sy += nodeLat[i];
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
  };
  for (const k of keys) values[k] = hits.map((h) => h.tags[k] ?? null);
  const columns = Object.keys(values);
  if (hits.length === 0) {
    throw new BundleError(file, `${file} has no features tagged ${Object.entries(filter).map(([k, v]) => `${k}=${v.length ? v.join('|') : '*'}`).join(' or ')}; change "osmTags" in bundle.json or use a larger extract.`);
  }
  return { file, columns, values, rowCount: hits.length, notes: [`OSM features matching ${JSON.stringify(filter)}: ${hits.length}`] };
}
