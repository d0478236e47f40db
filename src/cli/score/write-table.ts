/**
 * Writes columns as CSV (RFC 4180, UTF-8) or, for a .geojson file name, as a GeoJSON
 * FeatureCollection of points; rows are streamed in blocks so a million sites do not need one
 * giant string. Node only.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { Cell, OutColumn } from './site-table.ts';

function csvField(v: Cell): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const stream = createWriteStream(file);
  let block: string[] = [];
  for (const line of lines) {
    block.push(line);
    if (block.length >= 10_000) {
      if (!stream.write(block.join(''))) await once(stream, 'drain');
      block = [];
    }
  }
  stream.end(block.join(''));
  await once(stream, 'finish');
}

function* csvLines(columns: OutColumn[], rows: readonly number[]): Generator<string> {
  yield columns.map((c) => csvField(c.name)).join(',') + '\n';
  for (const i of rows) yield columns.map((c) => csvField(c.cell(i))).join(',') + '\n';
}

function* geojsonLines(columns: OutColumn[], rows: readonly number[]): Generator<string> {
  const lon = columns.find((c) => c.name === 'lon');
  const lat = columns.find((c) => c.name === 'lat');
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for (const i of rows) {
    const properties = Object.fromEntries(columns.filter((c) => c !== lon && c !== lat).map((c) => [c.name, c.cell(i)]));
    const geometry = lon && lat ? { type: 'Point', coordinates: [lon.cell(i), lat.cell(i)] } : null;
    yield (first ? '' : ',\n') + JSON.stringify({ type: 'Feature', properties, geometry });
    first = false;
  }
  yield '\n]}\n';
}

export async function writeTable(file: string, columns: OutColumn[], rows: readonly number[]): Promise<void> {
  const lines = /\.(geo)?json$/i.test(file) ? geojsonLines(columns, rows) : csvLines(columns, rows);
  await writeLines(file, lines);
}
