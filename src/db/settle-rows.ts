/**
 * Pass 2 of reading a candidate file: what toLayer decides over the whole file, decided over
 * table `staged` (stage-rows.ts) in toLayer's order, each on the rows the one before left:
 * 1. every row in projected metres: a whole-file error (from pass 1's counts);
 * 2. lat/lon swaps, against the median of an even sample of the suspects (findSwappedOutliers'
 *    sample, read from DuckDB; the test itself in JS on the few rows that can pass it);
 * 3. missing ids; 4. duplicate ids, the first row of an id winning;
 * 5. the type of each untyped column, by the column rule's counts over the rows kept;
 * 6. the look-alike ids note.
 * The late rejects go to table `late` (code and parameters as JSON: the English is made from them); the kept sites are read back in file order, a range of rows
 * at a time, as point layers (`chunks`). Native DuckDB in Node, DuckDB-WASM in the page (BlockDatabase).
 */
import type { PointLayer, Reject } from '../data/layer.ts';
import { fileStem, numericByCounts } from '../data/raw-values.ts';
import { looksSwapped, medianStep, sampleMedian, SWAP_MIN_ROWS } from '../data/swapped-outliers.ts';
import { everyRowProjected, lookalikeNote, mostSwappedNote, noIdNote } from '../data/to-layer.ts';
import { storedRejectReason } from '../reject-reason.ts';
import { doubleSql } from './score-sql.ts';
import { quoteString } from './sql.ts';
import { CRS_LABEL } from '../geo/crs.ts';
import type { BlockDatabase } from './block-database.ts';
import { CLASS_NUMBER, CLASS_TEXT, type StagedColumn, type Staging } from './stage-rows.ts';

/** Sites of a chunk and their 1-based rows in the file (0 where unknown). */
export interface SiteChunk {
  sites: PointLayer;
  rows: ArrayLike<number>;
}

/** The loaded rows, as toLayer's report and layer columns say them. */
export interface SettledRows {
  file: string;
  read: number;
  loaded: number;
  rejected: number;
  notes: string[];
  /** The rows could be geocoded: the sites carry placed_by and geocode_confidence. */
  geocoded: boolean;
  /** The loaded sites in file order, `rows` file rows at a time (at least one chunk, maybe empty). */
  chunks(rows: number): AsyncGenerator<SiteChunk>;
  /** Moves loaded rows to the rejects (sites outside the study area). */
  exclude(rejects: Reject[]): Promise<void>;
  /** The rejects in row order, a chunk at a time. */
  rejects(): AsyncGenerator<Reject[]>;
}

const KEPT = 'rj_reason IS NULL AND row NOT IN (SELECT row FROM late)';

/**
 * Rows per part of the whole-file queries: the duplicate-id and look-alike groups are found one
 * hash bucket of ids at a time (equal ids, and equal folds, share a bucket), the swap sample one
 * range of rows at a time. Whole, at 5 M rows, they took DuckDB-WASM's memory up by 179, 504 and
 * 127 MB (bench/drop-memory-node.ts), and in the page that memory is never given back.
 */
export const PART_ROWS = 500_000;

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NaN);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `partRows`: rows per part of the whole-file queries (PART_ROWS; tests give fewer). */
export async function settleRows(db: BlockDatabase, s: Staging, partRows = PART_ROWS): Promise<SettledRows> {
  const { plan } = s;
  const parts = Math.max(1, Math.ceil(s.read / partRows));
  if (s.projected > 0 && s.projected === s.read - s.missingCoordinate) throw everyRowProjected(s.file);
  await db.run('CREATE OR REPLACE TABLE late (row INTEGER, rj_column VARCHAR, rj_code VARCHAR, rj_params VARCHAR, rj_value VARCHAR, rj_id VARCHAR)');
  const notes = [...plan.notes];
  if (s.crs !== 'wgs84') notes.push(`converted from ${CRS_LABEL[s.crs]} to WGS84`);
  const swapped = s.swapped + (s.crs !== 'epsg3857' ? await rejectSwaps(db, s.read, partRows, plan.lat ?? 'geometry') : 0);
  if (swapped > s.read / 2) notes.push(mostSwappedNote(swapped, s.read));
  const idColumn = quoteString(plan.id ?? 'id');
  await db.run(`INSERT INTO late SELECT row, ${idColumn}, 'missing-id', '{}', NULL, NULL FROM staged WHERE id IS NULL AND ${KEPT}`);
  if (s.idColumn || plan.idValue !== undefined) {
    for (let part = 0; part < parts; part++) {
      await db.run(`INSERT INTO late
        WITH ok AS (SELECT row, id FROM staged WHERE ${KEPT} AND hash(id) % ${parts} = ${part}),
        firsts AS (SELECT id, min(row) AS first FROM ok GROUP BY id HAVING count(*) > 1)
        SELECT ok.row, ${idColumn}, 'duplicate-id', '{"first":' || (firsts.first + 1) || '}', ok.id, ok.id FROM ok JOIN firsts USING (id) WHERE ok.row > firsts.first`);
    }
  }
  if (!s.idColumn && plan.idValue === undefined) notes.push(noIdNote(fileStem(s.file)));
  if (s.idColumn) {
    const note = await lookalikes(db, parts);
    if (note !== undefined) notes.push(note);
  }
  const numeric = await columnTypes(db, s.columns, notes);
  const [counts] = await db.query(`SELECT count(*) AS loaded, ${s.geocoded ? 'count(*) FILTER (WHERE explanation IS NOT NULL)' : '0'} AS explained
    FROM staged WHERE ${KEPT}`);
  const loaded = num(counts.loaded);
  const explained = num(counts.explained) > 0;
  const settled: SettledRows = {
    file: s.file, read: s.read, loaded, rejected: s.read - loaded, notes,
    geocoded: s.geocoded,
    chunks: (rows) => keptChunks(db, s, numeric, explained, rows),
    async exclude(rejects) {
      if (rejects.length === 0) return;
      await db.append('late', [
        { name: 'row', kind: 'integer', values: Int32Array.from(rejects, (r) => r.row - 1) },
        { name: 'rj_column', kind: 'text', values: rejects.map((r) => r.column) },
        { name: 'rj_code', kind: 'text', values: rejects.map((r) => r.code) },
        { name: 'rj_params', kind: 'text', values: rejects.map((r) => JSON.stringify(r.params)) },
        { name: 'rj_value', kind: 'text', values: rejects.map((r) => r.value ?? '') },
        { name: 'rj_id', kind: 'text', values: rejects.map((r) => r.id ?? '') },
      ]);
      settled.loaded -= rejects.length;
      settled.rejected += rejects.length;
    },
    rejects: () => rejectChunks(db, s.idColumn),
  };
  return settled;
}

/** Step 2: the suspects' median position, and the suspects that look swapped against it, into `late`. */
async function rejectSwaps(db: BlockDatabase, read: number, partRows: number, column: string): Promise<number> {
  const [{ n }] = await db.query('SELECT count(*) AS n FROM staged WHERE swappable');
  const suspects = num(n);
  if (suspects < SWAP_MIN_ROWS) return 0;
  const step = medianStep(suspects);
  const lon = new Float64Array(Math.ceil(suspects / step));
  const lat = new Float64Array(lon.length);
  let k = 0;
  // every step-th suspect in row order; `before`: the suspects in the ranges before this one
  for (let start = 0, before = 0; start < read; start += partRows) {
    const range = `swappable AND row >= ${start} AND row < ${start + partRows}`;
    for await (const [x, y] of db.chunks(`SELECT lon, lat FROM (SELECT lon, lat, ${before} + row_number() OVER (ORDER BY row) - 1 AS k FROM staged WHERE ${range}) WHERE k % ${step} = 0 ORDER BY k`)) {
      for (let i = 0; i < x.length; i++, k++) {
        lon[k] = num(x[i]);
        lat[k] = num(y[i]);
      }
    }
    const [{ n: inRange }] = await db.query(`SELECT count(*) AS n FROM staged WHERE ${range}`);
    before += num(inRange);
  }
  const mLon = sampleMedian(lon);
  const mLat = sampleMedian(lat);
  // Swapped, the point lies within 100 km of the median, so its lon is within 0.9° of the median latitude.
  const rows: number[] = [];
  const values: string[] = [];
  const ids: string[] = [];
  for await (const [row, x, y, id] of db.chunks(`SELECT row, lon, lat, id FROM staged WHERE swappable AND abs(lon - ${doubleSql(mLat)}) < 1 ORDER BY row`)) {
    for (let i = 0; i < row.length; i++) {
      const px = num(x[i]);
      const py = num(y[i]);
      if (!looksSwapped(px, py, mLon, mLat)) continue;
      rows.push(num(row[i]));
      values.push(`${px}, ${py}`);
      ids.push(str(id[i]));
    }
  }
  await db.append('late', [
    { name: 'row', kind: 'integer', values: Int32Array.from(rows) },
    { name: 'rj_column', kind: 'text', values: rows.map(() => column) },
    { name: 'rj_code', kind: 'text', values: rows.map(() => 'swapped-outlier') },
    { name: 'rj_params', kind: 'text', values: rows.map(() => '{}') },
    { name: 'rj_value', kind: 'text', values },
    { name: 'rj_id', kind: 'text', values: ids },
  ]);
  return rows.length;
}

/**
 * Step 6: kept ids equal to an earlier kept id but for letter case or invisible characters; the
 * example is the earliest such row's, over all `parts` buckets of folds.
 */
async function lookalikes(db: BlockDatabase, parts: number): Promise<string | undefined> {
  let count = 0;
  let example: { row: number; first: string; id: string } | undefined;
  for (let part = 0; part < parts; part++) {
    const [r] = await db.query(`WITH k AS (SELECT row, id, coalesce(id_fold, id) AS fold FROM staged WHERE ${KEPT} AND hash(coalesce(id_fold, id)) % ${parts} = ${part}),
      f AS (SELECT fold, arg_min(id, row) AS first FROM k GROUP BY fold HAVING count(*) > 1)
      SELECT count(*) AS n, min(k.row) AS row, arg_min(f.first, k.row) AS first, arg_min(k.id, k.row) AS id FROM k JOIN f USING (fold) WHERE k.id <> f.first`);
    const n = num(r.n);
    count += n;
    if (n > 0 && (example === undefined || num(r.row) < example.row)) example = { row: num(r.row), first: str(r.first), id: str(r.id) };
  }
  return example === undefined ? undefined : lookalikeNote(count, example.first, example.id);
}

/** Step 5: which columns are numbers over the kept rows, with buildColumns' notes on cells that are not. */
async function columnTypes(db: BlockDatabase, columns: StagedColumn[], notes: string[]): Promise<Set<string>> {
  const numeric = new Set<string>();
  const stored = columns.filter((c) => typeof c.ref === 'string' && c.kind !== 'text');
  if (stored.length === 0) return numeric;
  const parts = stored.flatMap((c) => [
    ...(c.kind === 'infer' ? [`count(*) FILTER (WHERE k${c.j} = ${CLASS_NUMBER}) AS n${c.j}`, `count(*) FILTER (WHERE k${c.j} = ${CLASS_TEXT}) AS x${c.j}`] : []),
    `count(*) FILTER (WHERE t${c.j} IS NOT NULL AND u${c.j} IS NULL) AS bad${c.j}`,
    `arg_min(t${c.j}, row) FILTER (WHERE t${c.j} IS NOT NULL AND u${c.j} IS NULL) AS eg${c.j}`,
  ]);
  const [r] = await db.query(`SELECT ${parts.join(', ')} FROM staged WHERE ${KEPT}`);
  for (const c of columns) {
    if (typeof c.ref !== 'string') {
      if (c.kind === 'numeric' || (c.kind === 'infer' && typeof c.ref.value === 'number')) numeric.add(c.key);
      continue;
    }
    if (c.kind === 'text') continue;
    if (c.kind === 'infer' && !numericByCounts(num(r[`n${c.j}`]), num(r[`x${c.j}`]))) continue;
    numeric.add(c.key);
    const bad = num(r[`bad${c.j}`]);
    if (bad > 0) notes.push(`${bad} value(s) of ${c.label} are not numbers and are kept as missing (e.g. '${str(r[`eg${c.j}`])}')`);
  }
  return numeric;
}

async function* keptChunks(db: BlockDatabase, s: Staging, numeric: Set<string>, explained: boolean, rows: number): AsyncGenerator<SiteChunk> {
  const stored = s.columns.filter((c) => typeof c.ref === 'string');
  const cellSql = stored.map((c) => (numeric.has(c.key) ? `u${c.j}` : `t${c.j}`));
  const select = ['row + 1', 'id', 'lon', 'lat', ...(s.geocoded ? ['placed_by', 'confidence', 'explanation'] : []), ...cellSql].join(', ');
  let yielded = false;
  for (let start = 0; start < s.read || !yielded; start += rows) {
    const end = start + rows;
    const got: unknown[][] = [];
    for await (const part of db.chunks(`SELECT ${select} FROM staged WHERE row >= ${start} AND row < ${end} AND rj_reason IS NULL
        AND row NOT IN (SELECT row FROM late WHERE row >= ${start} AND row < ${end}) ORDER BY row`)) {
      part.forEach((values, c) => (got[c] ??= []).push(...values));
    }
    const m = got[0]?.length ?? 0;
    if (m === 0 && start + rows < s.read) continue;
    yield { rows: Int32Array.from(got[0] ?? [], num), sites: layerOf(s, got.slice(1), m, numeric, explained) };
    yielded = true;
  }
}

/** A chunk's columns (id, lon, lat, [placed_by, confidence, explanation], cells) as a point layer, buildColumns' way. */
function layerOf(s: Staging, got: unknown[][], m: number, numeric: Set<string>, explained: boolean): PointLayer {
  const column = (c: number): unknown[] => got[c] ?? [];
  const layer: PointLayer = {
    kind: 'point', layer: 'candidates',
    ids: column(0).map(str),
    lon: Float64Array.from(column(1), num),
    lat: Float64Array.from(column(2), num),
    numeric: {}, text: {},
  };
  let at = s.geocoded ? 6 : 3;
  for (const c of s.columns) {
    if (typeof c.ref !== 'string') {
      if (numeric.has(c.key)) layer.numeric[c.key] = new Float64Array(m).fill(Number(c.ref.value));
      else layer.text[c.key] = new Array<string>(m).fill(String(c.ref.value));
      continue;
    }
    const values = column(at++);
    if (numeric.has(c.key)) layer.numeric[c.key] = Float64Array.from(values, num);
    else layer.text[c.key] = values.map(str);
  }
  if (s.geocoded) {
    layer.text.placed_by = column(3).map(str);
    layer.numeric.geocode_confidence = Float64Array.from(column(4), num);
    if (explained) layer.text.geocode_explanation = column(5).map(str);
  }
  return layer;
}

/** The rejects in row order; with `withIds` (the file has an id column) each with its row's id where it has one. */
async function* rejectChunks(db: BlockDatabase, withIds: boolean): AsyncGenerator<Reject[]> {
  const rows = db.chunks(`SELECT row, rj_column, rj_code, rj_params, rj_value, rj_id FROM (
    SELECT row, rj_column, rj_code, rj_params, rj_value, id AS rj_id FROM staged WHERE rj_reason IS NOT NULL UNION ALL SELECT * FROM late) ORDER BY row`);
  for await (const [row, column, code, params, value, id] of rows) {
    yield row.map((r, i): Reject => {
      const v = value[i];
      const rowId = withIds ? id[i] : null;
      const why = storedRejectReason(str(code[i]), JSON.parse(str(params[i]) || '{}') as Record<string, string | number>);
      return { row: num(r) + 1, column: str(column[i]), ...why, ...(typeof v === 'string' ? { value: v } : {}), ...(typeof rowId === 'string' ? { id: rowId } : {}) };
    });
  }
}
