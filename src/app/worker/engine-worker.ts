/**
 * The engine worker: owns the loaded bundle, the kernel and DuckDB, and runs the funnel. The page
 * never blocks on any of it; it gets back what it draws. DuckDB-WASM boots as the worker starts,
 * beside the bundle's fetch and parse (it runs in its own worker), because every run scores its
 * levels in it: normalisation, combination, rank and per-parent top-N are SQL (src/db/score-sql.ts),
 * the one scoring path of the CLI, the report and the notebooks. After the first scored map it also
 * takes the bundle's layers and rejects as tables (bundle-tables.ts) and runs the scenario's SQL filter.
 *
 * Where the paths split: re-weighting on a slider (src/score/rerank.ts) and the sensitivity draws
 * stay in JS typed arrays over the normalised columns DuckDB gave back — see src/score/rerank.ts.
 */
import { fetchFileSource, loadBundle, loadLayerFile, parseScenario, proposeFiles, runFunnel, weightSensitivity } from '../engine-api.ts';
import type { LoadedBundle } from './engine-types.ts';
import { chooseKernel } from './engine-kernel.ts';
import { huffSurface } from './huff-surface.ts';
import { layerSums } from './layer-sums.ts';
import { checkSqlPredicate } from '../../db/sql-predicate.ts';
import { layerColumns } from '../../db/layer-table.ts';
import type { Database } from '../../db/database.ts';
import { engineDb } from './engine-db.ts';
import { deferredDatabase } from '../../db/deferred-database.ts';
import type { BrowserDatabase } from '../../db/duckdb-browser.ts';
import { DUCKDB_CSV_MIN_BYTES, csvIntoDuckDb, inspectCsvThroughDuckDb, readCsvThroughDuckDb } from './csv-through-duckdb.ts';
import { hydrateLayer, type DuckLayer } from './duck-layer.ts';
import { heldPointName } from './held-point.ts';
import { DUCKDB_PARQUET_MIN_BYTES, isParquet, parquetIntoDuckDb } from './parquet-into-duckdb.ts';
import type { RawTable } from '../../io/raw-table.ts';
import type { LayerEntry } from '../../data/bundle-manifest.ts';
import type { LayerReport } from '../../data/layer.ts';
import type { AddressGeocoder } from '../../data/place-rows.ts';
import { storeBundle, tableRows } from './bundle-tables.ts';
import { forecastSite } from './forecast-site.ts';
import { cacheBundleGraphs } from './graph-cache.ts';
import { bundleTradeAreas } from '../../network/bundle-trade-areas.ts';
import { inspectFile, readWithProgress, refuseIfTooLarge } from './inspect-file.ts';
import { mapDataOf } from './map-data.ts';
import { appendLayer } from '../../data/append-layer.ts';
import { outlineSource } from './outline-source.ts';
import type { FromWorker, Reply, Request, ToWorker } from './messages.ts';
import { huffSettingsOf } from './scenario-huff.ts';

/** The pool's workers start now, while the bundle loads; runs wait for the choice. */
const kernelChoice = chooseKernel();
// DuckDB-WASM boots now too, while the bundle loads: the first run scores in it (a failed boot is retried by the run)
void engineDb().then(() => post({ id: -1, kind: 'status', status: 'duckdb-ready' }), () => undefined);
void kernelChoice.then(({ info }) => post({ id: -1, kind: 'kernel', kernel: info }));
let bundle: LoadedBundle = { name: 'empty', synthetic: false, reports: [] };
/** A large dropped candidate file held in DuckDB (duck-layer.ts): `bundle.candidates` is then absent. */
let candidatesInDb: DuckLayer | null = null;
/** Bumped whenever `bundle` changes, so DuckDB's tables follow it. */
let bundleVersion = 0;
let stored: { version: number; done: Promise<Database> } | null = null;
/** After the first scored map, DuckDB boots in the background and takes the bundle's tables. */
let tablesScheduled = false;
const TABLES_AFTER_FIRST_MAP_MS = 1000;
/** A new run makes the one in progress pointless: it is aborted. */
let running: AbortController | null = null;

function post(message: FromWorker): void {
  self.postMessage(message);
}

function setBundle(next: LoadedBundle, heldInDb: DuckLayer | null = next.candidates ? null : candidatesInDb): void {
  bundle = next;
  candidatesInDb = heldInDb;
  bundleVersion++;
}

/**
 * The bundle with every layer in JS: a candidate layer held in DuckDB is read back for the one
 * request (ids and attributes), then let go, so the worker holds only its positions between runs.
 */
async function wholeBundle(): Promise<LoadedBundle> {
  if (!candidatesInDb) return bundle;
  return { ...bundle, candidates: await hydrateLayer(await engineDb(), candidatesInDb) };
}

/** DuckDB with the bundle's current layers and rejects as tables (booted on first call). */
function bundleTables(): Promise<Database> {
  if (stored?.version !== bundleVersion) {
    const before = stored?.done.catch(() => undefined);
    const [version, snapshot] = [bundleVersion, bundle];
    const held = candidatesInDb ? [candidatesInDb.table] : [];
    const done = Promise.resolve(before).then(async () => {
      const db = await engineDb();
      await storeBundle(db, snapshot, held);
      return db;
    });
    stored = { version, done };
    done.then(
      () => post({ id: -1, kind: 'status', status: 'duckdb-tables' }),
      () => {
        if (stored?.done === done) stored = null;
      },
    );
  }
  return stored.done;
}

/** A CSV of DUCKDB_CSV_MIN_BYTES or more as DuckDB reads it; else no table (the JS reader) and, when DuckDB was tried, why not. */
async function largeCsvTable(file: File, entry: LayerEntry, progress: (stage: string, fraction: number) => void): Promise<{ table?: RawTable; note?: string }> {
  if (file.size < DUCKDB_CSV_MIN_BYTES) return {};
  let db: BrowserDatabase;
  try {
    db = await engineDb();
  } catch (error) {
    return { note: `read in JS: DuckDB-WASM did not start (${error instanceof Error ? error.message : String(error)})` };
  }
  const read = await readCsvThroughDuckDb(db, file, entry, (f) => progress('read', f));
  return typeof read === 'string' ? { note: `read in JS, not by DuckDB-WASM: ${read}` } : { table: read };
}

/** Geocodes candidate rows that have an address and no coordinates (as loadLayerFile's). */
async function bundleGeocoder(): Promise<AddressGeocoder | undefined> {
  if (!bundle.gazetteer) return undefined;
  const { buildGeocoder } = await import('../../geocode/index.ts');
  return buildGeocoder(bundle.gazetteer);
}

/** A large candidate CSV held in DuckDB (duck-layer.ts), or why not (then the other paths read it). */
async function candidatesIntoDuckDb(file: File, entry: LayerEntry, progress: (stage: string, fraction: number) => void): Promise<{ layer: DuckLayer; report: LayerReport } | string> {
  let db: BrowserDatabase;
  try {
    db = await engineDb();
  } catch (error) {
    return `DuckDB-WASM did not start (${error instanceof Error ? error.message : String(error)})`;
  }
  const geocoder = await bundleGeocoder();
  if (isParquet(file, entry)) return parquetIntoDuckDb(db, file, entry, { geocoder, progress: (rows, total) => progress('read', rows / total) });
  // about 40 bytes a row: a fraction for the progress bar, not a promise
  return csvIntoDuckDb(db, file, entry, { geocoder, progress: (rows) => progress('read', Math.min(1, (rows * 40) / Math.max(1, file.size))) });
}

async function handle(id: number, request: Request): Promise<Reply> {
  const progress = (stage: string, fraction: number): void => post({ id, kind: 'progress', stage, fraction });
  switch (request.type) {
    case 'loadOutline': {
      const outline = await loadBundle(outlineSource(fetchFileSource(request.baseUrl)));
      return { type: 'map', map: mapDataOf(outline) };
    }
    case 'loadBundle': {
      setBundle(await loadBundle(fetchFileSource(request.baseUrl), { onProgress: (p) => progress(p.file, p.fraction) }), null);
      if (bundle.roads) cacheBundleGraphs(bundle.roads);
      return { type: 'map', map: mapDataOf(bundle, candidatesInDb) };
    }
    case 'run': {
      const scenario = parseScenario(request.scenario, 'scenario');
      const start = performance.now();
      running?.abort();
      const controller = new AbortController();
      running = controller;
      const { kernel } = await kernelChoice;
      // the funnel starts while DuckDB-WASM may still be booting; its first SQL waits for it
      const database = deferredDatabase(engineDb(), 'DuckDB-WASM, which scores every level,');
      const funnel = await runFunnel(await wholeBundle(), scenario, { kernel, database, onProgress: progress, signal: controller.signal });
      if (!tablesScheduled) {
        tablesScheduled = true;
        setTimeout(() => void bundleTables().catch(() => undefined), TABLES_AFTER_FIRST_MAP_MS);
      }
      return { type: 'funnel', funnel, millis: performance.now() - start };
    }
    case 'inspect': {
      refuseIfTooLarge(request.file);
      if (request.file.size >= DUCKDB_CSV_MIN_BYTES) {
        const inspection = await engineDb().then((db) => inspectCsvThroughDuckDb(db, request.file), () => 'no DuckDB');
        if (typeof inspection !== 'string') return { type: 'inspection', inspection };
      }
      const bytes = await readWithProgress(request.file, progress);
      return { type: 'inspection', inspection: await inspectFile(request.file.name, bytes, request.layer) };
    }
    case 'propose': {
      for (const file of request.files) refuseIfTooLarge(file);
      const files = await Promise.all(request.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      return { type: 'proposal', ...(await proposeFiles(files)) };
    }
    case 'newBundle':
      setBundle({ name: request.name, synthetic: false, attribution: request.attribution, reports: [] });
      return { type: 'map', map: mapDataOf(bundle) };
    case 'loadLayer': {
      refuseIfTooLarge(request.file);
      const { file, entry } = request;
      const replaces = request.mode !== 'append' || (!bundle.candidates && !candidatesInDb);
      let notInDb: string | undefined;
      if (entry.layer === 'candidates' && replaces && file.size >= (isParquet(file, entry) ? DUCKDB_PARQUET_MIN_BYTES : DUCKDB_CSV_MIN_BYTES)) {
        const held = await candidatesIntoDuckDb(file, entry, progress);
        if (typeof held !== 'string') {
          setBundle({ ...bundle, candidates: undefined, reports: [...bundle.reports.filter((r) => r.layer !== 'candidates'), held.report] }, held.layer);
          const db = await engineDb();
          const totals = await layerSums(async () => db, { layer: 'candidates', numeric: Object.fromEntries(held.layer.columns.filter((c) => c.kind === 'double').map((c) => [c.name, new Float64Array(0)])) }, Object.keys(entry.columns ?? {}));
          return { type: 'layer', report: held.report, map: mapDataOf(bundle, candidatesInDb), sums: totals.sums, sumsBy: totals.by };
        }
        notInDb = `not held in DuckDB: ${held}`;
        progress('read', 0);
      }
      // a large CSV is read by DuckDB from the file itself, never copied whole into JS (else the JS reader)
      const large = isParquet(file, entry) ? {} : await largeCsvTable(request.file, request.entry, progress);
      const { table } = large;
      const notes = [notInDb, large.note].filter((n) => n !== undefined);
      const bytes = table ? new Uint8Array(0) : await readWithProgress(request.file, progress);
      progress('parse', 0);
      const loaded = await loadLayerFile(request.file.name, bytes, request.entry, { gazetteer: bundle.gazetteer, table });
      const { report } = loaded;
      report.notes.push(...notes);
      progress('parse', 1);
      // ui: the planner chose to add the file to the layer already loaded, or to replace it.
      const current = request.mode === 'append' ? (await wholeBundle())[loaded.layer.layer] : undefined;
      const layer = current ? appendLayer(current, loaded) : loaded.layer;
      const reports = current ? [...bundle.reports, report] : [...bundle.reports.filter((r) => r.layer !== layer.layer), report];
      setBundle({ ...bundle, [layer.layer]: layer, reports }, layer.layer === 'candidates' ? null : candidatesInDb);
      progress('sql', 0);
      const totals = await layerSums(bundleTables, layer, Object.keys(request.entry.columns ?? {}));
      if (totals.note) report.notes.push(totals.note);
      return { type: 'layer', report, map: mapDataOf(bundle, candidatesInDb), sums: totals.sums, sumsBy: totals.by };
    }
    case 'sensitivity': {
      const r = weightSensitivity(request.normalised, request.weights, request.ids, {
        concentration: 50,
        draws: 500,
        seed: 1,
        topK: request.topK,
        combine: request.combine,
      });
      return { type: 'sensitivity', ...r };
    }
    case 'bundle':
      return { type: 'bundle', bundle: await wholeBundle() };
    case 'tables':
      return { type: 'tables', rows: await tableRows(await bundleTables()) };
    case 'checkFilter': {
      const columns = candidatesInDb ? ['id', 'lon', 'lat', ...candidatesInDb.columns.map((c) => c.column)] : bundle.candidates ? layerColumns(bundle.candidates).map((c) => c.name) : [];
      if (!bundle.candidates && !candidatesInDb) return { type: 'filterCheck', error: 'the bundle has no candidates layer to filter', columns };
      try {
        checkSqlPredicate(request.predicate, columns);
        return { type: 'filterCheck', error: null, columns };
      } catch (error) {
        return { type: 'filterCheck', error: error instanceof Error ? error.message : String(error), columns };
      }
    }
    case 'heldPoint':
      if (!candidatesInDb) throw new Error('the candidates are not held in DuckDB');
      return { type: 'heldPoint', ...(await heldPointName(await engineDb(), candidatesInDb, request.index)) };
    case 'tradeArea':
      return { type: 'tradeArea', areas: bundle.roads ? await bundleTradeAreas(bundle, request, request.profile, 'time', request.minutes) : null };
    case 'forecast':
      return { type: 'forecast', ...(await forecastSite(await wholeBundle(), parseScenario(request.scenario, 'scenario'), request.siteId, (await kernelChoice).kernel)) };
    case 'huff': {
      const settings = huffSettingsOf(parseScenario(request.scenario, 'scenario'));
      const { kernel } = await kernelChoice;
      return { type: 'huff', surface: await huffSurface(kernel, bundle, request.lon, request.lat, settings) };
    }
  }
}

/**
 * Requests that read or replace the bundle run one after another, in the order sent, so a layer
 * picked while the sample is still loading lands on top of it, not under it.
 */
let queue: Promise<unknown> = Promise.resolve();
const ORDERED = new Set<Request['type']>(['loadOutline', 'loadBundle', 'newBundle', 'loadLayer', 'run']);

self.addEventListener('message', (e: MessageEvent<ToWorker>) => {
  const { id, request } = e.data;
  let work: Promise<Reply>;
  if (ORDERED.has(request.type)) {
    // A run only waits for loads queued before it; it is not queued itself, so a newer run can abort it.
    const before = queue;
    work = before.then(() => handle(id, request));
    if (request.type !== 'run') queue = work.catch(() => undefined);
  } else {
    work = handle(id, request);
  }
  work.then(
    (reply) => post({ id, kind: 'reply', reply }),
    (error: unknown) => post({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
