/**
 * The timed steps of loading a demand CSV, shared by Node (bench/load.ts) and the Chromium page
 * (test/browser-pages/load-bench.ts): our loader to a typed layer, that layer into DuckDB (Arrow IPC
 * for DuckDB-WASM, the appender for native DuckDB),
 * and, for comparison, DuckDB's own CSV reader on the registered file.
 */
import type { LayerEntry } from '../src/data/bundle-manifest.ts';
import type { Database } from '../src/db/database.ts';
import { loadLayerFile } from '../src/data/load-layer-file.ts';

export interface LoadTimings {
  rows: number;
  megabytes: number;
  parseMs: number;
  insertMs: number;
  duckdbCsvMs: number;
  /** SUM(population) via the layer table and via read_csv: both must equal the file's total. */
  sumLayer: number;
  sumCsv: number;
  /** CPU milliseconds per step, when the caller has a CPU clock (Node); steadier than wall time on a busy machine. */
  cpu?: { parseMs: number; insertMs: number; duckdbCsvMs: number };
}

const ENTRY: LayerEntry = { layer: 'demand', file: 'demand.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', population: 'pop' } };

export async function timeLoad(bytes: Uint8Array, db: Database, cpuClock?: () => number): Promise<LoadTimings> {
  const cpuMarks: number[] = [];
  const mark = (): void => void (cpuClock && cpuMarks.push(cpuClock()));
  mark();
  let t = performance.now();
  const { layer, report } = await loadLayerFile('demand.csv', bytes, ENTRY);
  const parseMs = performance.now() - t;
  mark();
  if (layer.kind !== 'point') throw new Error('demand did not load as points');

  t = performance.now();
  await db.insertLayer('demand', layer);
  const insertMs = performance.now() - t;
  mark();
  const sumLayer = Number((await db.query('SELECT SUM(population) AS s FROM demand'))[0].s);

  mark();
  t = performance.now();
  await db.registerFile('demand.csv', bytes);
  await db.query('CREATE OR REPLACE TABLE demand_csv AS SELECT * FROM read_csv(?)', ['demand.csv']);
  const duckdbCsvMs = performance.now() - t;
  mark();
  const sumCsv = Number((await db.query('SELECT SUM(pop) AS s FROM demand_csv'))[0].s);

  const [c0, c1, c2, c3, c4] = cpuMarks;
  const cpu = cpuClock ? { parseMs: c1 - c0, insertMs: c2 - c1, duckdbCsvMs: c4 - c3 } : undefined;
  return { rows: report.loaded, megabytes: bytes.byteLength / 1e6, parseMs, insertMs, duckdbCsvMs, sumLayer, sumCsv, cpu };
}
