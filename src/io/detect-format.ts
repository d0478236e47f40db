/** The file format from the manifest, else from the file name. */
import type { FileFormat } from '../data/bundle-manifest.ts';
import { BundleError } from '../data/errors.ts';

export function detectFormat(file: string, declared?: FileFormat): FileFormat {
  if (declared !== undefined) return declared;
  const name = file.toLowerCase();
  if (/(^|\/)stops\.txt$/.test(name) || name.endsWith('.zip')) return 'gtfs';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.geojson') || name.endsWith('.json')) return 'geojson';
  if (name.endsWith('.parquet')) return 'parquet';
  if (name.endsWith('.arrow') || name.endsWith('.feather') || name.endsWith('.ipc') || name.endsWith('.arrows')) return 'arrow';
  if (name.endsWith('.pbf')) return 'osm-pbf';
  throw new BundleError(
    file,
    `${file} has an unknown file type; rename it to .csv, .tsv, .geojson, .parquet, .arrow, .zip (GTFS) or .osm.pbf, or set "format" in bundle.json.`,
  );
}
