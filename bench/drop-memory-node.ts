/**
 * Where DuckDB-WASM's memory goes while a large candidate CSV is held in DuckDB (the page's path,
 * src/app/worker/duck-layer.ts), measured in Node on the same wasm build: the WebAssembly memory's
 * byteLength (it only grows: the high-water mark the page keeps) after each statement and each
 * result batch, labelled by statement. The file is read by DuckDB from disk (NODE_FS), as the page
 * reads the dropped File through FileReader: no copy of it in the wasm heap.
 * Usage: node bench/drop-memory-node.ts [--rows 1000000]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDatabase, type NodeDuckProbe } from '../src/node/duckdb.ts';
import type { BlockDatabase } from '../src/db/block-database.ts';
import type { Row } from '../src/db/database.ts';
import { hydrateLayer, loadIntoDuckDb, queryBlocks } from '../src/app/worker/duck-layer.ts';
import { writeCandidates } from './candidates-csv.ts';
import { readCsvSql } from '../src/app/worker/csv-through-duckdb.ts';
import { quoteString } from '../src/db/sql.ts';

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const ROWS = Number(arg('rows', '1000000'));
const SETUP = arg('setup', '');
const HYDRATE = process.argv.includes('--hydrate');
const TRACE = process.argv.includes('--trace');

const MB = 2 ** 20;
let probe: NodeDuckProbe | undefined;
const wasmBytes = (): number => probe?.wasmBytes() ?? 0;

/** Growth of the wasm memory per statement label (MB), in the order first seen. */
const growth = new Map<string, { mb: number; calls: number }>();
let last = 0;
function note(label: string): void {
  const now = wasmBytes();
  const g = growth.get(label) ?? { mb: 0, calls: 0 };
  g.mb += (now - last) / MB;
  g.calls++;
  growth.set(label, g);
  if (now > last && TRACE) console.log(`+${((now - last) / MB).toFixed(0)} MB → ${(now / MB).toFixed(0)} MB at call ${g.calls} of ${label.slice(0, 40)}`);
  last = now;
}
let beforeDrop: Row[] = [];
const labelOf = (sql: string): string => sql.replace(/\s+/g, ' ').slice(0, 90);

async function open(): Promise<BlockDatabase> {
  const db = await openNodeDatabase((p) => (probe = p));
  last = wasmBytes();
  growth.set('(boot)', { mb: last / MB, calls: 1 });
  // every statement measured: its growth of the wasm memory
  return {
    ...db,
    query: async (sql, params) => { const r = await db.query(sql, params); note(labelOf(sql)); return r; },
    run: async (sql) => {
      // what DuckDB holds just before the staging table goes: staged and candidates both
      if (sql.includes('DROP TABLE IF EXISTS "staged"')) beforeDrop = await db.query('SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0');
      await db.run(sql);
      note(labelOf(sql));
    },
    createTable: async (t, c) => { await db.createTable(t, c); note(`create ${t}`); },
    append: async (t, c, s, e) => { await db.append(t, c, s, e); note(`append ${t}`); },
    async *chunks(sql, options) {
      for await (const chunk of db.chunks(sql, options)) {
        note(labelOf(sql));
        yield chunk;
      }
      note(labelOf(sql));
    },
  };
}

const folder = mkdtempSync(join(tmpdir(), 'siteselect-drop-memory-'));
try {
  const csv = join(folder, `candidates-${ROWS}.csv`);
  await writeCandidates(csv, ROWS);
  const bytes = statSync(csv).size;
  const db = await open();
  if (SETUP) await db.run(SETUP);
  probe?.registerPath('dropped.csv', csv);
  const sql = readCsvSql(',', '*').replace('?', quoteString('dropped.csv'));
  const cpu = process.cpuUsage();
  const t0 = Date.now();
  const held = await loadIntoDuckDb(db, queryBlocks(db, 'dropped.csv', ['id', 'lon', 'lat', 'rent', 'floor_area'], sql), 'dropped.csv', { layer: 'candidates', file: 'dropped.csv' }, 'candidates');
  const afterLoad = wasmBytes();
  let hydrated = 0;
  if (HYDRATE) hydrated = (await hydrateLayer(db, held.layer)).ids.length;
  const used = process.cpuUsage(cpu);
  const mem = await db.query('SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0');
  console.log(JSON.stringify({
    rows: ROWS, fileMB: +(bytes / MB).toFixed(1), setup: SETUP, read: held.report.read, loaded: held.report.loaded, rejected: held.report.rejected,
    wasmAfterLoadMB: Math.round(afterLoad / MB), wasmPeakMB: Math.round(wasmBytes() / MB), hydrated,
    duckdbMemoryNowMB: Object.fromEntries(mem.map((r) => [String(r.tag), Math.round(Number(r.memory_usage_bytes) / MB)])),
    duckdbMemoryBeforeStagedDroppedMB: Object.fromEntries(beforeDrop.map((r) => [String(r.tag), Math.round(Number(r.memory_usage_bytes) / MB)])),
    cpuSeconds: +((used.user + used.system) / 1e6).toFixed(1), wallSeconds: (Date.now() - t0) / 1000, load: loadavg().map((x) => x.toFixed(1)).join(' '),
  }));
  for (const [label, g] of growth) if (g.mb >= 1) console.log(`${g.mb.toFixed(0).padStart(6)} MB  ${String(g.calls).padStart(4)}×  ${label}`);
  await db.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
