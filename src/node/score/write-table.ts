/**
 * Writes the scored sites, a query result read from DuckDB chunk by chunk, as CSV (the project's
 * one CSV writer, src/io/csv-write.ts) or as a GeoJSON FeatureCollection of points, in blocks so a
 * million sites never make one giant string; Parquet is written by DuckDB itself (COPY … TO) with
 * typed columns. Every output goes to a temporary file renamed over the target when whole. Node only.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { printedValueSql } from '../../db/score-sql.ts';
import { quoteString } from '../../db/sql.ts';
import { CSV_EOL, csvCell } from '../../io/csv-write.ts';
import { writeAtomically } from '../atomic-file.ts';
import type { NativeDatabase } from '../duckdb-native.ts';
import { BlockWriter } from './block-writer.ts';
import { formatDecimal, formatOutputNumber } from '../../format/number.ts';
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
  if (kind === 'flag') return v === true ? '1' : '0';
  const x = Number(v);
  return kind === 'value' ? formatOutputNumber(x) : kind === 'lonlat' ? formatDecimal(x, 7) : kind === 'share' ? formatDecimal(x, 4) : String(x);
}

/** GeoJSON keeps numbers as numbers (an empty one is null) and text as text ('' for NULL). */
function jsonValue(kind: CellKind, v: DuckDBValue): string | number | null {
  const text = printed(kind, v);
  if (kind === 'text') return text;
  return text === '' ? null : Number(text);
}

/** One row's text. Numbers the program formatted are written as they are; text goes through csvCell (neutralised, quoted). */
function rowText(columns: OutColumn[], cells: DuckDBValue[][], i: number, format: 'csv' | 'geojson', lonAt: number, latAt: number): string {
  if (format === 'csv') return columns.map((c, k) => (c.kind === 'text' ? csvCell(printed(c.kind, cells[k][i])) : printed(c.kind, cells[k][i]))).join(',') + CSV_EOL;
  const properties = Object.fromEntries(columns.flatMap((c, k) => (k === lonAt || k === latAt ? [] : [[c.name, jsonValue(c.kind, cells[k][i])]])));
  const geometry = lonAt >= 0 && latAt >= 0 ? { type: 'Point', coordinates: [jsonValue('lonlat', cells[lonAt][i]), jsonValue('lonlat', cells[latAt][i])] } : null;
  return JSON.stringify({ type: 'Feature', properties, geometry });
}

/** Writes the rows of `chunks` (columns in `columns` order) as CSV or GeoJSON; returns the rows written. */
export async function writeRows(file: string, columns: OutColumn[], chunks: AsyncIterable<DuckDBValue[][]>, format: 'csv' | 'geojson'): Promise<number> {
  const out = await BlockWriter.open(file);
  const lonAt = columns.findIndex((c) => c.name === 'lon');
  const latAt = columns.findIndex((c) => c.name === 'lat');
  let written = 0;
  try {
    await out.write(format === 'csv' ? columns.map((c) => csvCell(c.name)).join(',') + CSV_EOL : '{"type":"FeatureCollection","features":[\n');
    for await (const cells of chunks) {
      const n = cells[0]?.length ?? 0;
      for (let i = 0; i < n; i++) {
        const text = rowText(columns, cells, i, format, lonAt, latAt);
        await out.write(format === 'geojson' && written > 0 ? ',\n' + text : text);
        written++;
      }
    }
    if (format === 'geojson') await out.write('\n]}\n');
  } catch (err) {
    await out.abandon();
    throw err;
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
