/**
 * Writes the scored sites, a query result read from DuckDB chunk by chunk, as CSV (the project's
 * one CSV writer, src/io/csv-write.ts) or as a GeoJSON FeatureCollection of points, in blocks so a
 * million sites never make one giant string; Parquet is written by DuckDB itself (COPY … TO) with
 * typed columns. Every output goes to a temporary file renamed over the target when whole. Node only.
 */
import type { DuckDBDataChunk, DuckDBValue } from '@duckdb/node-api';
import { readValues } from '../duckdb-vectors.ts';
import { printedValueSql } from '../../db/score-sql.ts';
import { quoteString } from '../../db/sql.ts';
import { CSV_EOL, csvCell } from '../../io/csv-write.ts';
import { cellColumns, numberPrinter } from './csv-text.ts';
import { CsvTextPool } from './csv-text-pool.ts';
import { writeAtomically } from '../atomic-file.ts';
import type { NativeDatabase } from '../duckdb-native.ts';
import { BlockWriter } from './block-writer.ts';
import type { CellKind, OutColumn } from './site-table.ts';

export type TableFormat = 'csv' | 'geojson' | 'parquet';

/** The format a file name implies: .parquet, .geojson/.json, else CSV. */
export function formatOf(file: string): TableFormat {
  return /\.parquet$/i.test(file) ? 'parquet' : /\.(geo)?json$/i.test(file) ? 'geojson' : 'csv';
}

/** A cell as printed: '' for NULL and non-finite numbers. */
function printed(kind: CellKind, v: DuckDBValue): string {
  if (v === null) return '';
  if (kind === 'text') return String(v);
  return numberPrinter(kind)(kind === 'flag' ? (v === true ? 1 : 0) : Number(v));
}

/** GeoJSON keeps numbers as numbers (an empty one is null) and text as text ('' for NULL). */
function jsonValue(kind: CellKind, v: DuckDBValue): string | number | null {
  const text = printed(kind, v);
  if (kind === 'text') return text;
  return text === '' ? null : Number(text);
}

/** One GeoJSON feature. */
function featureText(columns: OutColumn[], cells: DuckDBValue[][], i: number, lonAt: number, latAt: number): string {
  const properties = Object.fromEntries(columns.flatMap((c, k) => (k === lonAt || k === latAt ? [] : [[c.name, jsonValue(c.kind, cells[k][i])]])));
  const geometry = lonAt >= 0 && latAt >= 0 ? { type: 'Point', coordinates: [jsonValue('lonlat', cells[lonAt][i]), jsonValue('lonlat', cells[latAt][i])] } : null;
  return JSON.stringify({ type: 'Feature', properties, geometry });
}

/** Writes the rows of `chunks` (DuckDB's, columns in `columns` order) as CSV or GeoJSON; returns the rows written. */
export async function writeRows(file: string, columns: OutColumn[], chunks: AsyncIterable<DuckDBDataChunk>, format: 'csv' | 'geojson'): Promise<number> {
  const out = await BlockWriter.open(file);
  const lonAt = columns.findIndex((c) => c.name === 'lon');
  const latAt = columns.findIndex((c) => c.name === 'lat');
  const kinds = columns.map((c) => c.kind);
  const pool = new CsvTextPool(kinds);
  // chunks being formatted, in file order: a few, so memory holds a few chunks' text at most
  const pending: Promise<string>[] = [];
  let written = 0;
  try {
    await out.write(format === 'csv' ? columns.map((c) => csvCell(c.name)).join(',') + CSV_EOL : '{"type":"FeatureCollection","features":[\n');
    for await (const chunk of chunks) {
      const n = chunk.rowCount;
      if (n === 0) continue;
      if (format === 'csv') {
        pending.push(pool.format(cellColumns(kinds, chunk), n));
        if (pending.length > 3) await out.write(await (pending.shift() ?? ''));
      } else {
        const cells = columns.map((_, k) => readValues(chunk.getColumnVector(k), n));
        const features = Array.from({ length: n }, (_, i) => featureText(columns, cells, i, lonAt, latAt));
        await out.write((written > 0 ? ',\n' : '') + features.join(',\n'));
      }
      written += n;
    }
    for (const text of pending.splice(0)) await out.write(await text);
    if (format === 'geojson') await out.write('\n]}\n');
  } catch (err) {
    // a chunk still being formatted when the write failed rejects into nothing
    for (const text of pending) text.catch(() => undefined);
    await out.abandon();
    throw err;
  } finally {
    await pool.close();
  }
  await out.close();
  return written;
}

/** A column as Parquet holds it: whole numbers INTEGER, flags BOOLEAN, values DOUBLE as printed in the CSV, text '' for none. */
export function parquetCast(c: OutColumn): string {
  switch (c.kind) {
    case 'int': return `(${c.sql})::INTEGER`;
    case 'flag': return `(${c.sql})::BOOLEAN`;
    case 'text': return `coalesce((${c.sql})::VARCHAR, '')`;
    case 'value': return printedValueSql(`(${c.sql})::DOUBLE`);
    case 'lonlat': return `round(${c.sql}, 7)`;
    case 'share': return `round(${c.sql}, 4)`;
  }
}

/** DuckDB writes the query's result to `file` as Parquet. */
export async function copyToParquet(db: NativeDatabase, file: string, query: string): Promise<void> {
  await writeAtomically(file, (temp) => db.run(`COPY (${query}) TO ${quoteString(temp)} (FORMAT PARQUET)`));
}
