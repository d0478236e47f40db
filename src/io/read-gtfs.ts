/**
 * GTFS stops: a feed zip (only stops.txt is read) or a bare stops.txt. Every row is a record;
 * `location_type` (stop, station, entrance …) is kept as a column for the user to filter on.
 */
import { unzipSync } from 'fflate';
import { BundleError } from '../data/errors.ts';
import { readCsv } from './read-csv.ts';
import type { RawTable } from './raw-table.ts';

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function stopsBytes(file: string, bytes: Uint8Array): Uint8Array {
  if (!isZip(bytes)) return bytes;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /(^|\/)stops\.txt$/.test(f.name) });
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable zip (${err instanceof Error ? err.message : String(err)}), perhaps truncated; download the GTFS feed again.`, { cause: err });
  }
  const name = Object.keys(entries)[0];
  if (name === undefined) throw new BundleError(file, `${file} has no stops.txt, so it is not a GTFS feed; point bundle.json at the feed zip or its stops.txt.`);
  return entries[name];
}

export function readGtfsStops(file: string, bytes: Uint8Array): RawTable {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); download the GTFS feed again.`);
  const table = readCsv(file, stopsBytes(file, bytes), { delimiter: ',' });
  for (const need of ['stop_id', 'stop_lat', 'stop_lon']) {
    if (!table.columns.includes(need)) {
      throw new BundleError(file, `${file} stops.txt has no '${need}' column; it is not valid GTFS, so export the feed again.`);
    }
  }
  table.notes.push('GTFS stops.txt');
  return table;
}
