/**
 * After pass 1: what toLayer decides over the whole file, decided over the placed rows' records on
 * disk. In toLayer's order: every row in projected metres (a whole-file error: read whole, where it
 * is reported), lat/lon swaps judged against the median position of the suspects (an even sample,
 * as findSwappedOutliers takes it), then missing and duplicate ids among the rows still placed
 * (an external sort of the ids, which also gives each site its place in id order: the ranking's tie
 * order); then the type of each untyped column over the rows finally loaded. Writes the loaded
 * sites' records (with their id position) and their exclusion reasons; the rejects decided here go
 * to `late` in row order. Memory holds a sort run and a median sample, never a row's worth per row.
 */
import path from 'node:path';
import { rmSync } from 'node:fs';
import { looksSwapped, medianStep, sampleMedian, SWAP_MIN_ROWS } from '../../data/swapped-outliers.ts';
import { RecordCursor, RecordWriter } from './disk/record-file.ts';
import { sortRecords, type SortOptions } from './disk/sort-records.ts';
import { StringSorter } from './disk/sort-strings.ts';
import { StringCursor, StringWriter } from './disk/string-file.ts';
import type { RejectSpill } from './reject-spill.ts';
import { MISSING, NUMBER, TEXT } from './stream-columns.ts';
import { numericByCounts } from '../../data/raw-values.ts';
import * as F from './stream-fields.ts';
import { StreamFallback, type ChunkMeasure } from './stream-measure.ts';

export interface SettledSites {
  n: number;
  /** The loaded sites' records (stream-fields.ts), in file order. */
  file: string;
  width: number;
  /** The first constraint each loaded site fails ('' when eligible), in the same order. */
  reasons: string;
  /** Untyped columns that are numeric over the loaded rows. */
  numeric: Set<string>;
  /** How many loaded sites were placed each way (PLACED_BY order: coordinates, exact, fuzzy). */
  placedBy: number[];
}

/** The median position of the swap suspects, or undefined when there are too few to judge. */
function suspectsCentre(m: ChunkMeasure, placed: string, width: number): { lon: number; lat: number } | undefined {
  if (m.suspects < SWAP_MIN_ROWS) return undefined;
  const step = medianStep(m.suspects);
  const lon = new Float64Array(Math.ceil(m.suspects / step));
  const lat = new Float64Array(lon.length);
  const rows = new RecordCursor(placed, width);
  for (let k = 0, s = 0; rows.next();) {
    if (!rows.get(F.SWAPPABLE)) continue;
    if (k++ % step !== 0) continue;
    lon[s] = rows.get(F.LON);
    lat[s++] = rows.get(F.LAT);
  }
  return { lon: sampleMedian(lon), lat: sampleMedian(lat) };
}

const byFirstField = (a: Float64Array, i: number, b: Float64Array, j: number): number => a[i] - b[j];

export function settle(m: ChunkMeasure, crs: string, sort: SortOptions, late: RejectSpill): SettledSites {
  const plan = m.plan;
  if (!plan || !m.rows) throw new StreamFallback('no data rows');
  if (m.projected > 0 && m.projected === m.read - m.missingCoordinate) throw new StreamFallback('every row in projected metres');
  const placed = m.rows.file;
  const width = m.rows.width;
  const centre = crs !== 'epsg3857' ? suspectsCentre(m, placed, width) : undefined;
  const swapped = (rows: RecordCursor): boolean => centre !== undefined && rows.get(F.SWAPPABLE) === 1 && looksSwapped(rows.get(F.LON), rows.get(F.LAT), centre.lon, centre.lat);

  // the ids of the rows still placed, in id order (ties by row): positions and duplicates
  const sorter = new StringSorter(sort);
  {
    const rows = new RecordCursor(placed, width);
    const ids = new StringCursor(m.ids.file);
    while (rows.next()) {
      const id = ids.next() ?? '';
      if (!swapped(rows) && id !== '') sorter.add(id, rows.get(F.ROW));
    }
    ids.close();
  }
  const checkDuplicates = plan.id !== undefined || plan.idValue !== undefined;
  const idsByOrder = path.join(sort.scratch, 'id-positions.f64');
  const idsByRow = path.join(sort.scratch, 'id-positions-by-row.f64');
  const positions = new RecordWriter(idsByOrder, 3); // row, position in id order (-1 duplicate), row first seen
  let previous: string | undefined;
  let firstRow = -1;
  let position = 0;
  sorter.finish((id, row) => {
    const at = positions.slot();
    positions.block[at] = row;
    if (checkDuplicates && id === previous) {
      positions.block[at + 1] = -1;
      positions.block[at + 2] = firstRow;
      return;
    }
    previous = id;
    firstRow = row;
    positions.block[at + 1] = position++;
    positions.block[at + 2] = -1;
  });
  positions.close();
  sortRecords(idsByOrder, idsByRow, 3, byFirstField, sort);
  rmSync(idsByOrder, { force: true });

  // the loaded sites, the late rejects in row order, and the type of untyped columns
  const K = m.criteria.length;
  const classes = m.inferred.map(() => ({ texts: 0, numbers: 0, missing: false }));
  const placedBy = [0, 0, 0];
  const sites = new RecordWriter(path.join(sort.scratch, 'sites.f64'), width);
  const reasons = new StringWriter(path.join(sort.scratch, 'site-reasons.txt'));
  const idColumn = plan.id ?? 'id';
  const rows = new RecordCursor(placed, width);
  const ids = new StringCursor(m.ids.file);
  const placedReasons = new StringCursor(m.reasons.file);
  const byRow = new RecordCursor(idsByRow, 3);
  while (rows.next()) {
    const id = ids.next() ?? '';
    const reason = placedReasons.next() ?? '';
    const row = rows.get(F.ROW);
    if (swapped(rows)) {
      late.add({
        row: row + 1,
        column: plan.lat ?? 'geometry',
        reason: `lat/lon look swapped: the point is far from the rest of the file, and swapped it lies among them`,
        value: `${rows.get(F.LON)}, ${rows.get(F.LAT)}`,
      });
      continue;
    }
    if (id === '') {
      late.add({ row: row + 1, column: idColumn, reason: 'missing id' });
      continue;
    }
    if (!byRow.next() || byRow.get(0) !== row) throw new Error(`settling ids: row ${row + 1} has no id position`);
    if (byRow.get(1) < 0) {
      late.add({ row: row + 1, column: idColumn, reason: `duplicate id (first seen in row ${byRow.get(2) + 1})`, value: id });
      continue;
    }
    sites.block[sites.copy(rows.block, rows.at) + F.ID_POSITION] = byRow.get(1);
    reasons.add(reason);
    placedBy[rows.get(F.PLACED_BY_CODE)]++;
    for (let c = 0; c < classes.length; c++) {
      const cls = rows.get(F.RAW + K + c);
      if (cls === TEXT) classes[c].texts++;
      else if (cls === NUMBER) classes[c].numbers++;
      else if (cls === MISSING) classes[c].missing = true;
    }
  }
  ids.close();
  placedReasons.close();
  byRow.close();
  rmSync(idsByRow, { force: true });
  const n = sites.close();
  reasons.close();
  const numeric = new Set(m.inferred.filter((_, c) => numericByCounts(classes[c].numbers, classes[c].texts)).map((c) => c.key));
  // A numeric column with cells that are not numbers gets a note only the whole-file path writes.
  const mixed = m.inferred.find((col, c) => numeric.has(col.key) && (classes[c].texts > 0 || classes[c].missing));
  if (mixed !== undefined) throw new StreamFallback(`column ${mixed.key} is numeric with a few cells that are not numbers`);
  const notNumeric = m.assumedNumeric.find((key) => !numeric.has(key));
  if (notNumeric !== undefined) throw new StreamFallback(`the scenario reads column ${notNumeric} as numbers but it holds text`);
  return { n, file: sites.file, width, reasons: reasons.file, numeric, placedBy };
}
