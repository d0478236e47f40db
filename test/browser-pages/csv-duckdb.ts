/**
 * CSV files read by DuckDB-WASM from a File (registerFileHandle) and by the JS reader from its bytes,
 * both through toLayer: the test (test/app/csv-duckdb.test.ts) requires the same layer and report.
 * Files DuckDB must not read come back with the reason. Publishes `csvDuckdb`.
 */
import { openBrowserDatabase } from '../../src/db/duckdb-browser.ts';
import type { LayerEntry } from '../../src/data/bundle-manifest.ts';
import { toLayer } from '../../src/data/to-layer.ts';
import { readCsv } from '../../src/io/read-csv.ts';
import { csvIntoDuckDb, inspectCsvThroughDuckDb, readCsvThroughDuckDb } from '../../src/app/worker/csv-through-duckdb.ts';
import { hydrateLayer } from '../../src/app/worker/duck-layer.ts';
import { parquetIntoDuckDb } from '../../src/app/worker/parquet-into-duckdb.ts';
import { readParquet } from '../../src/io/parquet.ts';

const entry: LayerEntry = { layer: 'candidates', file: 'x.csv', columns: { id: 'id', lon: 'lon', lat: 'lat' } };

/** Row 2: no lon; row 3: lat 95; row 4: lon "abc"; row 5: a quoted name with a comma; row 6: duplicate id; row 7: no id. */
const BAD = [
  'id,name,lon,lat,rent',
  'a1,First,116.40,39.90,5000',
  'a2,No lon,,39.91,5100',
  'a3,Out of range,116.41,95,5200',
  'a4,Not a number,abc,39.92,',
  'a5,"Name, with comma",116.42,39.93,5300.5',
  'a1,Duplicate,116.43,39.94,5400',
  ',No id,116.44,39.95,5500',
].join('\n');

function plain(result: Pick<ReturnType<typeof toLayer>, 'layer' | 'report'>): unknown {
  const layer = result.layer;
  return {
    ids: layer.ids,
    lon: layer.kind === 'point' ? Array.from(layer.lon) : null,
    lat: layer.kind === 'point' ? Array.from(layer.lat) : null,
    numeric: Object.fromEntries(Object.entries(layer.numeric).map(([k, v]) => [k, Array.from(v, (x) => (Number.isNaN(x) ? 'NaN' : x))])),
    text: layer.text,
    report: { read: result.report.read, loaded: result.report.loaded, rejected: result.report.rejected, rejects: result.report.rejects },
  };
}

async function main(): Promise<unknown> {
  const db = await openBrowserDatabase();
  const sampleBytes = new Uint8Array(await (await fetch('/data/sample/competitors.csv')).arrayBuffer());
  const files: [string, Uint8Array<ArrayBuffer>][] = [
    ['bad.csv', new TextEncoder().encode(BAD)],
    ['sample.csv', sampleBytes],
    ['bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(BAD)])],
  ];
  const compared = [];
  for (const [name, bytes] of files) {
    const file = new File([bytes], name, { type: 'text/csv' });
    const viaDuckDb = await readCsvThroughDuckDb(db, file, {}, () => undefined);
    if (typeof viaDuckDb === 'string') {
      compared.push({ name, error: viaDuckDb });
      continue;
    }
    const sampleEntry: LayerEntry = name === 'sample.csv' ? { layer: 'competitors', file: name } : { ...entry, file: name };
    compared.push({ name, duckdb: plain(toLayer(viaDuckDb, sampleEntry)), js: plain(toLayer(readCsv(name, bytes), sampleEntry)), notes: viaDuckDb.notes });
  }
  // a large candidate drop's path: held in DuckDB, JS keeping lon/lat; read back, it is the JS reader's layer
  const held = [];
  for (const [name, bytes] of files.filter(([name]) => name !== 'sample.csv')) {
    const candidates: LayerEntry = { ...entry, file: name };
    const inDb = await csvIntoDuckDb(db, new File([bytes], name, { type: 'text/csv' }), candidates, {});
    if (typeof inDb === 'string') {
      held.push({ name, error: inDb });
      continue;
    }
    const layer = await hydrateLayer(db, inDb.layer);
    const js = toLayer(readCsv(name, bytes), candidates);
    held.push({ name, duckdb: plain({ layer, report: inDb.report }), js: plain(js), notes: inDb.report.notes, jsNotes: js.report.notes });
  }
  // what DuckDB must leave to the JS reader
  const refused: Record<string, string> = {};
  const gbk = new Uint8Array([...new TextEncoder().encode('id,name,lon,lat\na1,'), 0xb1, 0xb1, 0xbe, 0xa9, ...new TextEncoder().encode(',116.4,39.9\n')]);
  const others: [string, Uint8Array<ArrayBuffer>][] = [
    ['gbk.csv', gbk],
    ['semicolon.csv', new TextEncoder().encode('id;lon;lat\na1;116,4;39,9\n')],
    ['ragged.csv', new TextEncoder().encode('id,lon,lat\na1,116.4,39.9\na2,116.5\n')],
    ['excel.csv', new TextEncoder().encode('sep=,\nid,lon,lat\na1,116.4,39.9\n')],
  ];
  for (const [name, bytes] of others) {
    const read = await readCsvThroughDuckDb(db, new File([bytes], name), {}, () => undefined);
    refused[name] = typeof read === 'string' ? read : 'read by DuckDB';
  }
  const inspection = await inspectCsvThroughDuckDb(db, new File([BAD], 'bad.csv'));
  await db.close();
  return { compared, held, refused, inspection };
}

/** A Parquet file (bytes from the test) held in DuckDB and read back, beside the JS reader's whole-file result. */
async function heldParquet(bytes: number[]): Promise<unknown> {
  const db = await openBrowserDatabase();
  try {
    const data = Uint8Array.from(bytes);
    const candidates: LayerEntry = { layer: 'candidates', file: 'edge.parquet' };
    const inDb = await parquetIntoDuckDb(db, new File([data], 'edge.parquet'), candidates, {});
    if (typeof inDb === 'string') return { error: inDb };
    const js = toLayer(await readParquet('edge.parquet', data), candidates);
    return { duckdb: plain({ layer: await hydrateLayer(db, inDb.layer), report: inDb.report }), js: plain(js), notes: inDb.report.notes, jsNotes: js.report.notes };
  } finally {
    await db.close();
  }
}
Object.assign(globalThis, { heldParquet });

main().then(
  (result) => Object.assign(globalThis, { csvDuckdb: result }),
  (error: unknown) => Object.assign(globalThis, { csvDuckdb: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } }),
);
