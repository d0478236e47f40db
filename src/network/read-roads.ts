/** A roads file by its name: an OSM .pbf extract, or lines as GeoJSON / GeoParquet / CSV with WKT. */
import { BundleError } from '../errors.ts';
import { detectFormat } from '../io/detect-format.ts';
import { readTable } from '../io/read-table.ts';
import { readLineRoads } from './read-line-roads.ts';
import { readOsmRoads } from './read-osm-roads.ts';
import type { RoadWays } from './road-ways.ts';

export async function readRoads(file: string, bytes: Uint8Array): Promise<RoadWays> {
  const format = detectFormat(file);
  if (format === 'osm-pbf') return readOsmRoads(file, bytes);
  if (format === 'gtfs' || format === 'arrow') throw new BundleError(file, `${file}: roads come from an .osm.pbf extract or lines in GeoJSON, GeoParquet or CSV with a WKT column.`);
  return readLineRoads(await readTable(file, bytes, { layer: 'network' }));
}
