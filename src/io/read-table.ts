/** One file's bytes → RawTable, by format (declared in bundle.json or taken from the file name). */
import type { LayerEntry } from '../data/bundle-manifest.ts';
import { BundleError } from '../data/errors.ts';
import { detectFormat } from './detect-format.ts';
import { readCsv } from './read-csv.ts';
import { readGeoJson } from './read-geojson.ts';
import { readGtfsStops } from './read-gtfs.ts';
import { readOsmPbf } from './read-osm-pbf.ts';
import type { RawTable } from './raw-table.ts';

export async function readTable(file: string, bytes: Uint8Array, entry: Pick<LayerEntry, 'format' | 'encoding' | 'osmTags' | 'layer'>): Promise<RawTable> {
  const format = detectFormat(file, entry.format);
  switch (format) {
    case 'csv':
      return readCsv(file, bytes, { encoding: entry.encoding });
    case 'tsv':
      return readCsv(file, bytes, { delimiter: '\t', encoding: entry.encoding });
    case 'geojson':
      return readGeoJson(file, bytes);
    case 'gtfs':
      return readGtfsStops(file, bytes);
    case 'osm-pbf':
      return readOsmPbf(file, bytes, entry.layer, entry.osmTags);
    case 'parquet':
    case 'arrow':
      throw new BundleError(file, `${file}: reading ${format} files is not available yet; convert it to CSV or GeoJSON for now.`);
  }
  return Promise.resolve(format satisfies never);
}
