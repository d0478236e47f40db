/**
 * Writes columns as CSV (RFC 4180, UTF-8), as a GeoJSON FeatureCollection of points (.geojson) or
 * as Parquet (.parquet); rows are streamed in blocks so a million sites do not need one
 * giant string. Node only.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { Cell, OutColumn } from './site-table.ts';

const NEEDS_QUOTES = /[",\n\r]/;

function csvField(v: Cell): string {
  if (typeof v === 'number') return String(v);
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Streams `head`, then `line(row)` for each row, in blocks of about a megabyte. */
async function writeLines(file: string, head: string, rows: readonly number[], line: (row: number) => string, tail = ''): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const stream = createWriteStream(file);
  let block = head;
  for (const i of rows) {
    block += line(i);
    if (block.length >= 1 << 20) {
      if (!stream.write(block)) await once(stream, 'drain');
      block = '';
    }
  }
  stream.end(block + tail);
  await once(stream, 'finish');
}

function csvLine(columns: OutColumn[]): (row: number) => string {
  const cells = columns.map((c) => (c.numeric ? c.cell : (i: number) => csvField(c.cell(i))));
  return (i) => {
    let line = String(cells[0](i));
    for (let c = 1; c < cells.length; c++) line += ',' + cells[c](i);
    return line + '\n';
  };
}

/** GeoJSON keeps numbers as numbers; an empty numeric cell is null. */
function value(c: OutColumn, i: number): Cell | null {
  const v = c.cell(i);
  if (!c.numeric || typeof v === 'number') return v;
  return v === '' ? null : Number(v);
}

function geojsonFeature(columns: OutColumn[], first: number): (row: number) => string {
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

/** `format` (the --format option) overrides the file's extension. */
export async function writeTable(file: string, columns: OutColumn[], rows: readonly number[], format: TableFormat = formatOf(file)): Promise<void> {
  if (format === 'parquet') {
    const { writeParquet } = await import('./write-parquet.ts'); // only Parquet output pays for the writer
    await writeParquet(file, columns, rows);
  } else if (format === 'geojson') {
    await writeLines(file, '{"type":"FeatureCollection","features":[\n', rows, geojsonFeature(columns, rows[0]), '\n]}\n');
  } else {
    await writeLines(file, columns.map((c) => csvField(c.name)).join(',') + '\n', rows, csvLine(columns));
  }
}
