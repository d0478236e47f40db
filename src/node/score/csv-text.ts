/**
 * The scored sites' CSV text, a chunk of rows at a time, from columns in a form a worker thread can
 * be sent (numbers in Float64Arrays, NaN for NULL; text as strings or null): the same text on the
 * calling thread and in csv-text-worker.ts, so writing may share the formatting between them.
 */
import type { DuckDBDataChunk } from '@duckdb/node-api';
import { readNumbers, readTexts } from '../duckdb-vectors.ts';
import { CSV_EOL, csvCell } from '../../io/csv-write.ts';
import { formatDecimal, formatOutputNumber } from '../../format/number.ts';
import type { CellKind } from './site-table.ts';

/** A column of a chunk: numbers (flags 1/0) with NaN for NULL, or text with null for NULL. */
export type CellColumn = Float64Array | (string | null)[];

/** A chunk's columns as DuckDB gave them, in the form csvText takes, read a column at a time. */
export function cellColumns(kinds: readonly CellKind[], chunk: DuckDBDataChunk): CellColumn[] {
  const n = chunk.rowCount;
  return kinds.map((kind, k) => (kind === 'text' ? readTexts(chunk.getColumnVector(k), n) : readNumbers(chunk.getColumnVector(k), n)));
}

/** A number as printed: '' for NULL and non-finite numbers. */
export function numberPrinter(kind: Exclude<CellKind, 'text'>): (x: number) => string {
  switch (kind) {
    case 'flag': return (x) => (Number.isNaN(x) ? '' : x === 1 ? '1' : '0');
    case 'int': return (x) => (Number.isNaN(x) ? '' : String(x));
    case 'value': return formatOutputNumber;
    case 'lonlat': return (x) => formatDecimal(x, 7);
    case 'share': return (x) => formatDecimal(x, 4);
  }
}

/** The rows' lines, each ended by CSV_EOL; text is neutralised and quoted (csvCell), numbers written as formatted. */
export function csvText(kinds: readonly CellKind[], columns: readonly CellColumn[], n: number): string {
  const lines = new Array<string>(n).fill('');
  kinds.forEach((kind, k) => {
    const column = columns[k];
    const sep = k === 0 ? '' : ',';
    if (kind === 'text' || !(column instanceof Float64Array)) {
      for (let i = 0; i < n; i++) lines[i] += sep + csvCell(column[i] ?? '');
      return;
    }
    const print = numberPrinter(kind);
    for (let i = 0; i < n; i++) lines[i] += sep + print(column[i]);
  });
  return n === 0 ? '' : lines.join(CSV_EOL) + CSV_EOL;
}
