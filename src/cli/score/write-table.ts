/**
 * Writes columns as CSV (the project's one CSV writer, src/io/csv-write.ts), as a GeoJSON FeatureCollection of points (.geojson) or
 * as Parquet (.parquet); rows are streamed in blocks so a million sites do not need one
 * giant string. Node only.
 */
import { CSV_EOL, csvCell } from '../../io/csv-write.ts';
import { BlockWriter } from './block-writer.ts';
import type { Cell, OutColumn } from './site-table.ts';

/** Streams `head`, then `line(row)` for each row, in blocks of about a megabyte. */
async function writeLines(file: string, head: string, rows: readonly number[], line: (row: number) => string, tail = ''): Promise<void> {
  const out = await BlockWriter.open(file);
  try {
    await out.write(head);
    for (const i of rows) await out.write(line(i));
    await out.write(tail);
  } catch (err) {
    await out.abandon();
    throw err;
  }
  await out.close();
}

function csvLine(columns: OutColumn[]): (row: number) => string {
  // Numeric columns hold numbers the program formatted: written as they are, never neutralised.
  const cells = columns.map((c) => (c.numeric ? c.cell : (i: number) => csvCell(c.cell(i))));
  return (i) => {
    let line = String(cells[0](i));
    for (let c = 1; c < cells.length; c++) line += ',' + cells[c](i);
    return line + CSV_EOL;
  };
}

/** GeoJSON keeps numbers as numbers; an empty numeric cell is null. */
function value(c: OutColumn, i: number): Cell | null {
  const v = c.cell(i);
  if (!c.numeric || typeof v === 'number') return v;
  return v === '' ? null : Number(v);
}

function geojsonFeature(columns: OutColumn[], first: number | undefined): (row: number) => string {
  const lon = columns.find((c) => c.name === 'lon');
  const lat = columns.find((c) => c.name === 'lat');
  const props = columns.filter((c) => c !== lon && c !== lat);
  return (i) => {
    const properties = Object.fromEntries(props.map((c) => [c.name, value(c, i)]));
    const geometry = lon && lat ? { type: 'Point', coordinates: [value(lon, i), value(lat, i)] } : null;
    return (i === first ? '' : ',\n') + JSON.stringify({ type: 'Feature', properties, geometry });
  };
}

export type TableFormat = 'csv' | 'geojson' | 'parquet';

/** The format a file name implies: .parquet, .geojson/.json, else CSV. */
export function formatOf(file: string): TableFormat {
  return /\.parquet$/i.test(file) ? 'parquet' : /\.(geo)?json$/i.test(file) ? 'geojson' : 'csv';
}

/** The text of a CSV or GeoJSON table: what comes before the rows, each row's text, what comes after. */
export function tableText(columns: OutColumn[], first: number | undefined, format: 'csv' | 'geojson'): { head: string; line: (row: number) => string; tail: string } {
  if (format === 'geojson') return { head: '{"type":"FeatureCollection","features":[\n', line: geojsonFeature(columns, first), tail: '\n]}\n' };
  return { head: columns.map((c) => csvCell(c.name)).join(',') + CSV_EOL, line: csvLine(columns), tail: '' };
}

/** `format` (the --format option) overrides the file's extension. */
export async function writeTable(file: string, columns: OutColumn[], rows: readonly number[], format: TableFormat = formatOf(file)): Promise<void> {
  if (format === 'parquet') {
    const { writeParquet } = await import('./write-parquet.ts'); // only Parquet output pays for the writer
    await writeParquet(file, columns, rows);
  } else {
    const { head, line, tail } = tableText(columns, rows[0], format);
    await writeLines(file, head, rows, line, tail);
  }
}
