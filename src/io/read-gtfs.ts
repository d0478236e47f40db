/**
 * GTFS stops: a feed zip or a bare stops.txt. Every row of stops.txt is a record; `location_type`
 * (stop, station, entrance …) is kept as a column. From a zip, each stop also gets a `mode`
 * column (metro / rail / tram / bus …) from the routes serving it.
 */
import { unzipSync } from 'fflate';
import { BundleError } from '../errors.ts';
import { readCsv } from './read-csv.ts';
import { gtfsStopModes } from './gtfs-modes.ts';
import type { RawTable } from './raw-table.ts';

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Past this size stop_times.txt is not unpacked just to label stops with a mode. */
const MAX_STOP_TIMES_BYTES = 256 * 1024 * 1024;
const FEED_FILES = /(^|\/)(stops|routes|trips|stop_times)\.txt$/;

function feedFiles(file: string, bytes: Uint8Array): Record<string, Uint8Array> {
  if (!isZip(bytes)) return { 'stops.txt': bytes };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => FEED_FILES.test(f.name) && !(f.name.endsWith('stop_times.txt') && f.originalSize > MAX_STOP_TIMES_BYTES) });
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable zip (${err instanceof Error ? err.message : String(err)}), perhaps truncated; download the GTFS feed again.`, { cause: err });
  }
  const byName: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(entries)) byName[name.split('/').pop() ?? name] = data;
  if (byName['stops.txt'] === undefined) throw new BundleError(file, `${file} has no stops.txt, so it is not a GTFS feed; point bundle.json at the feed zip or its stops.txt.`);
  return byName;
}

export function readGtfsStops(file: string, bytes: Uint8Array): RawTable {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); download the GTFS feed again.`);
  const files = feedFiles(file, bytes);
  const table = readCsv(file, files['stops.txt'], { delimiter: ',' });
  for (const need of ['stop_id', 'stop_lat', 'stop_lon']) {
    if (!table.columns.includes(need)) {
      throw new BundleError(file, `${file} stops.txt has no '${need}' column; it is not valid GTFS, so export the feed again.`);
    }
  }
  table.notes.push('GTFS stops.txt');
  const text = (name: string): string | undefined => (files[name] ? new TextDecoder().decode(files[name]) : undefined);
  const [routes, trips, stopTimes] = [text('routes.txt'), text('trips.txt'), text('stop_times.txt')];
  const modes = routes && trips && stopTimes ? gtfsStopModes(routes, trips, stopTimes) : null;
  if (modes && !table.columns.includes('mode')) {
    table.values.mode = table.values.stop_id.map((id) => modes.get(String(id)) ?? '');
    table.columns.push('mode');
    table.notes.push('mode of each stop from the route types serving it');
  }
  return table;
}
