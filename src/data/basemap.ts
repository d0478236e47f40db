/**
 * The bundle's optional basemap (manifest `basemap`): context lines and polygons — water, parks,
 * roads, railways — drawn under the data on every map and never scored. Read from GeoJSON; each
 * feature's class from a property (`kind` unless the manifest names another), with common OSM
 * words understood ("river", "forest", "primary", "railway" …). Points are not context: skipped,
 * and counted in a note.
 */
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { BundleError } from '../errors.ts';

export const BASEMAP_KINDS = ['water', 'park', 'road', 'rail', 'other'] as const;
export type BasemapKind = (typeof BASEMAP_KINDS)[number];

export type BasemapGeometry = LineString | MultiLineString | Polygon | MultiPolygon;

export interface BasemapFeature {
  kind: BasemapKind;
  geometry: BasemapGeometry;
}

export interface Basemap {
  file: string;
  attribution?: string;
  features: BasemapFeature[];
  /** What was skipped and why (points, empty geometries, unknown classes drawn as "other"). */
  notes: string[];
}

const WORDS: Record<Exclude<BasemapKind, 'other'>, readonly string[]> = {
  water: ['water', 'river', 'lake', 'sea', 'coastline', 'canal', 'stream', 'reservoir', 'bay', 'riverbank'],
  park: ['park', 'forest', 'wood', 'green', 'grass', 'garden', 'meadow', 'nature_reserve', 'recreation_ground'],
  road: ['road', 'street', 'highway', 'motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'residential'],
  rail: ['rail', 'railway', 'light_rail', 'subway', 'tram'],
};

export function basemapKind(value: unknown): BasemapKind {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  for (const kind of ['water', 'park', 'road', 'rail'] as const) if (WORDS[kind].includes(word)) return kind;
  return 'other';
}

const DRAWN = new Set(['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

function isDrawn(g: Geometry | null | undefined): g is BasemapGeometry {
  return !!g && DRAWN.has(g.type) && 'coordinates' in g && g.coordinates.length > 0;
}

export function readBasemap(file: string, bytes: Uint8Array, options: { kindProperty?: string; attribution?: string } = {}): Basemap {
  const key = options.kindProperty ?? 'kind';
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw new BundleError(file, `${file}: the basemap is not valid JSON (${err instanceof Error ? err.message : String(err)}); give a GeoJSON FeatureCollection of lines and polygons.`, { cause: err });
  }
  const features = (doc as { type?: unknown; features?: unknown }).type === 'FeatureCollection' ? (doc as { features: unknown }).features : undefined;
  if (!Array.isArray(features)) throw new BundleError(file, `${file}: the basemap must be a GeoJSON FeatureCollection of lines and polygons.`);
  const out: BasemapFeature[] = [];
  let skipped = 0;
  let other = 0;
  for (const f of features as { geometry?: Geometry | null; properties?: Record<string, unknown> | null }[]) {
    if (!isDrawn(f.geometry)) {
      skipped++;
      continue;
    }
    const kind = basemapKind(f.properties?.[key]);
    if (kind === 'other') other++;
    out.push({ kind, geometry: f.geometry });
  }
  const notes: string[] = [];
  if (skipped) notes.push(`${file}: ${skipped} feature${skipped > 1 ? 's' : ''} without a line or polygon geometry not drawn`);
  if (other) notes.push(`${file}: ${other} feature${other > 1 ? 's' : ''} with no known "${key}" (water, park, road, rail) drawn as plain lines`);
  return { file, ...(options.attribution !== undefined ? { attribution: options.attribution } : {}), features: out, notes };
}
