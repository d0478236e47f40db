/**
 * A large CSV/TSV picked or dropped in the page, read by DuckDB-WASM from the file itself
 * (registerFileHandle: DuckDB pulls slices through the browser's FileReader) instead of being copied
 * whole into JS and parsed there. DuckDB only parses: every cell comes back as text (all_varchar), so
 * toLayer makes the same checks, rejects and notes as for the JS reader's table.
 *
 * The JS reader stays for what DuckDB does not do as it does: encodings other than UTF-8 (GBK …),
 * Excel's "sep=" line, semicolon files with decimal commas, records with a wrong field count or
 * spanning several lines (noted row by row), odd header names. The file's head is read by the JS
 * reader first; any of these there, or any DuckDB error, sends the whole file down the JS path.
 */
import type { LayerEntry } from '../../data/bundle-manifest.ts';
import type { BrowserDatabase } from '../../db/duckdb-browser.ts';
import { quoteString } from '../../db/sql.ts';
import { csvDialect, readCsvText } from '../../io/read-csv.ts';
import type { RawTable, RawValue } from '../../io/raw-table.ts';
import type { FileInspection } from './messages.ts';
import type { LayerReport } from '../../data/layer.ts';
import { QueryError } from '../../db/duckdb-database.ts';
import { loadIntoDuckDb, queryBlocks, type DuckLayer, type DuckLoadOptions } from './duck-layer.ts';

/** Files from this size go through DuckDB: below it the copy costs little and DuckDB's boot (~5 s) more. */
export const DUCKDB_CSV_MIN_BYTES = 32 * 1024 * 1024;
const HEAD_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

/** How DuckDB is to read the file, from its head as the JS reader sees it; a string says why it cannot. */
export async function csvPlan(file: File, entry: Pick<LayerEntry, 'encoding'>): Promise<{ delimiter: string; columns: string[]; head: RawTable; bom: boolean } | string> {
  const name = file.name.toLowerCase();
  if (!name.endsWith('.csv') && !name.endsWith('.tsv')) return 'not a CSV or TSV file';
  if (entry.encoding !== undefined && entry.encoding !== 'utf-8') return `encoding ${entry.encoding}`;
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  // whole lines only, so a character is never cut in two
  const end = file.size <= HEAD_BYTES ? head.length : head.lastIndexOf(NEWLINE) + 1;
  if (end <= 0) return 'no line break in the first 256 KB';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return 'not UTF-8';
  }
  // TextDecoder drops a BOM itself: the bytes say whether there was one
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  text = text.replace(/^\uFEFF/, '');
  const dialect = csvDialect(text, name.endsWith('.tsv') ? '\t' : undefined);
  if (dialect.body !== text) return 'an Excel "sep=" line';
  if (dialect.delimiter === ';') return 'semicolon-separated (decimal commas)';
  let table: RawTable;
  try {
    table = readCsvText(file.name, text, dialect.delimiter);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (table.rowErrors?.some((e) => e !== null)) return 'records with a wrong field count';
  if (table.notes.length > 0) return 'records spanning several lines';
  return { delimiter: dialect.delimiter, columns: table.columns, head: table, bom };
}

let registered = 0;

const couldNotRead = (error: unknown): string => `DuckDB could not read it (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;

/**
 * read_csv's buffers of 4 MB (twice its longest line, 2 MB) instead of its default 32 MB ones: the
 * first batch of a 197 MB file took +64 MB of wasm memory with the default, +3 MB with these.
 */
const CSV_BUFFER_BYTES = 4 * 1024 * 1024;

export const readCsvSql = (delimiter: string, select: string): string =>
  `SELECT ${select} FROM read_csv(?, header = true, all_varchar = true, delim = ${quoteString(delimiter)}, quote = '"', escape = '"', strict_mode = true, buffer_size = ${CSV_BUFFER_BYTES})`;

/** Columns and a few values from the file's head, the row count from DuckDB: the file is never read whole into JS. */
export async function inspectCsvThroughDuckDb(db: BrowserDatabase, file: File): Promise<FileInspection | string> {
  const plan = await csvPlan(file, {});
  if (typeof plan === 'string') return plan;
  const handle = `inspected-${++registered}.csv`;
  await db.registerFileHandle(handle, file);
  try {
    const [{ n }] = await db.query(readCsvSql(plan.delimiter, 'count(*) AS n'), [handle]);
    const sample = Object.fromEntries(plan.columns.map((c) => [c, plan.head.values[c].slice(0, 3).map((v) => (v === null ? '' : String(v)))]));
    return { file: file.name, columns: plan.columns, sample, rows: Number(n), notes: ['inspected by DuckDB-WASM from the file'], hasGeometry: false };
  } catch (error) {
    return couldNotRead(error);
  } finally {
    await db.dropFile(handle);
  }
}

/**
 * A large candidate CSV into DuckDB table `table` (duck-layer.ts): JS keeps its positions only. A
 * string says why it must take another path; whole-file errors (no coordinate column …) throw.
 */
export async function csvIntoDuckDb(db: BrowserDatabase, file: File, entry: LayerEntry, opts: DuckLoadOptions & { progress?: (rows: number) => void }): Promise<{ layer: DuckLayer; report: LayerReport } | string> {
  const plan = await csvPlan(file, entry);
  if (typeof plan === 'string') return plan;
  const handle = `dropped-${++registered}.csv`;
  await db.registerFileHandle(handle, file);
  try {
    const sql = readCsvSql(plan.delimiter, '*').replace('?', quoteString(handle));
    const loaded = await loadIntoDuckDb(db, queryBlocks(db, file.name, plan.columns, sql, opts.progress), file.name, entry, 'candidates', opts);
    // the JS reader's note on the encoding (read-csv.ts)
    if (plan.bom) loaded.report.notes.unshift('read as utf-8 with BOM');
    loaded.report.notes.push(`read by DuckDB-WASM from the file (${loaded.report.read} rows), not copied into the page; its ids and attributes stay in DuckDB`);
    return loaded;
  } catch (error) {
    if (error instanceof QueryError) return couldNotRead(error);
    throw error;
  } finally {
    await db.dropFile(handle);
  }
}

/** The file as a RawTable read by DuckDB, or the reason it must take the JS reader. */
export async function readCsvThroughDuckDb(db: BrowserDatabase, file: File, entry: Pick<LayerEntry, 'encoding'>, progress: (fraction: number) => void): Promise<RawTable | string> {
  const plan = await csvPlan(file, entry);
  if (typeof plan === 'string') return plan;
  const handle = `dropped-${++registered}.csv`;
  await db.registerFileHandle(handle, file);
  const values: RawValue[][] = plan.columns.map(() => []);
  let rows = 0;
  try {
    const sql = readCsvSql(plan.delimiter, '*');
    for await (const batch of db.batches(sql, [handle])) {
      if (rows === 0 && batch.map((c) => c.name).join('\0') !== plan.columns.join('\0')) return 'DuckDB names the columns differently';
      batch.forEach((column, c) => {
        const out = values[c];
        for (let i = 0; i < column.values.length; i++) out.push(column.values[i] as RawValue);
      });
      rows += batch[0]?.values.length ?? 0;
      progress(Math.min(1, (rows * 64) / Math.max(1, file.size)));
    }
  } catch (error) {
    return couldNotRead(error);
  } finally {
    await db.dropFile(handle);
  }
  if (rows === 0) return 'no data rows';
  const columns = Object.fromEntries(plan.columns.map((c, k) => [c, values[k]]));
  return { file: file.name, columns: plan.columns, values: columns, rowCount: rows, notes: [`read by DuckDB-WASM from the file (${rows} rows), not copied into the page`] };
}
