/**
 * One `siteselect score` run, whatever the size: the sites' raw values from the kernel chunk by
 * chunk into DuckDB, normalised, ranked and kept there (src/node/duckdb-*.ts), optionally the
 * weight sensitivity, then the output written from one query. DuckDB's memory_limit bounds its
 * part and it spills to a scratch folder removed at the end (also when interrupted). Node only.
 */
import path from 'node:path';
import type { LoadedBundle } from '../../data/layer.ts';
import type { CandidateSites } from '../candidate-sites.ts';
import type { SiteKernel } from '../../kernel/types.ts';
import { UsageError } from '../../errors.ts';
import { QueryError } from '../../db/duckdb-database.ts';
import { openNativeDatabase, type NativeDatabase } from '../duckdb-native.ts';
import { keepSites, rankSites, type RankGroup } from '../duckdb-score.ts';
import { loadSites, SITE_CHUNK, type LoadedSites } from '../duckdb-sites.ts';
import { comparedChunks, type ComparedTally } from '../candidate-sites.ts';
import { outsideNotes } from '../../score/outside-study-area.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { weightSensitivity } from '../../sensitivity/weights.ts';
import type { Calibration } from '../../forecast/calibration.ts';
import { forecastsByChunk } from './forecast-out-columns.ts';
import { DEFAULT_MEMORY_LIMIT } from './memory-limit.ts';
import { withScratchDir } from './scratch-dir.ts';
import { stepEnded } from './score-steps.ts';
import { siteColumns, siteQuery, type SiteQuery } from './site-table.ts';
import { writeRejects } from './write-rejects.ts';
import { copyToParquet, parquetCast, writeRows, type TableFormat } from './write-table.ts';


/** What the summary says about a run. */
export interface ScoreOutcome {
  file: string;
  read: number;
  rejected: number;
  scored: number;
  byCoordinates: number;
  exact: number;
  fuzzy: number;
  written: number;
  /** Sites outside the study area, not compared (counted in `rejected`). */
  outside: number;
  /** The candidate file's notes (toLayer's). */
  notes: string[];
  /** The first written rows, best first; `kept` says whether the scenario keeps each. */
  top: { rank: number; id: string; name: string; score: number; kept: boolean; excluded_by: string }[];
  warnings: string[];
}

/** --sensitivity: Dirichlet draws of the weights around the scenario's. */
export interface SensitivityOptions {
  draws: number;
  concentration: number;
  seed: number;
  topK: number;
}

/** The run's choices (the command line's --top-per, --kept, --sensitivity, --memory-limit). */
export interface ScoreRunOptions {
  /** The best `top` per `per` group only (a shortlist); `per` also groups the ranks. */
  top?: number;
  per: RankGroup;
  /** Only the sites the scenario keeps. */
  keptOnly: boolean;
  sensitivity?: SensitivityOptions;
  /** DuckDB's memory for the run (e.g. 512MB); beyond it DuckDB spills to disk. */
  memoryLimit?: string;
}

export interface ScoreRun {
  args: ScoreRunOptions;
  bundle: LoadedBundle;
  scenario: Scenario;
  /** --calibration: forecast columns are added after the scored columns. */
  calibration?: Calibration;
  /** The sites, read once DuckDB is open: a candidate file is staged in it. */
  sites: (db: NativeDatabase) => Promise<CandidateSites>;
  kernel: SiteKernel;
  /** Threads the kernel runs on, the calling thread included: above 1, large forecasts take a worker too. */
  threads: number;
  out: string;
  rejects: string;
  format: TableFormat;
  bar: (label: string, fraction: number) => void;
}

/** Polygons' ids and names by index, for the output's joins. */
async function saveAreas(db: NativeDatabase, table: string, layer: { ids: string[]; names: string[] } | undefined): Promise<void> {
  const ids = layer?.ids ?? [];
  const columns = [
    { name: 'idx', kind: 'integer' as const, values: Int32Array.from(ids, (_, i) => i) },
    { name: 'id', kind: 'text' as const, values: ids },
    { name: 'name', kind: 'text' as const, values: layer?.names ?? [] },
  ];
  await db.createTable(table, columns);
  await db.append(table, columns);
}

/** --sensitivity: Dirichlet draws of the weights re-rank every site; table `sens` (pos, p_top_k, rank_p05, rank_p95). */
async function saveSensitivity(db: NativeDatabase, loaded: LoadedSites, s: SensitivityOptions, combine: 'sum' | 'geometric'): Promise<void> {
  const K = loaded.terms.length;
  const normalised = loaded.terms.map(() => new Float64Array(loaded.n));
  const ids = new Array<string>(loaded.n);
  let at = 0;
  for await (const cells of db.chunks(`SELECT s.id${loaded.terms.map((_, k) => `, c.n${k}`).join('')} FROM scored c JOIN sites s USING (pos) ORDER BY pos`)) {
    cells[0].forEach((v, i) => (ids[at + i] = String(v)));
    for (let k = 0; k < K; k++) cells[k + 1].forEach((v, i) => (normalised[k][at + i] = Number(v)));
    at += cells[0].length;
  }
  const r = weightSensitivity(normalised, loaded.terms.map((t) => t.weight), ids, { draws: s.draws, concentration: s.concentration, seed: s.seed, topK: s.topK, combine });
  const columns = [
    { name: 'pos', kind: 'integer' as const, values: Int32Array.from(ids, (_, i) => i) },
    { name: 'p_top_k', kind: 'double' as const, values: r.pTopK },
    { name: 'rank_p05', kind: 'integer' as const, values: r.rankP05 },
    { name: 'rank_p95', kind: 'integer' as const, values: r.rankP95 },
  ];
  await db.createTable('sens', columns);
  await db.append('sens', columns);
}

export async function scoreRun(run: ScoreRun): Promise<ScoreOutcome> {
  return withScratchDir('siteselect-score-', async (scratch) => {
    // tables in a file of the scratch folder, so DuckDB can evict them and stay within its limit
    const limit = run.args.memoryLimit ?? DEFAULT_MEMORY_LIMIT;
    const seen: { sites?: number } = {};
    const db = await openNativeDatabase({ memoryLimit: limit, tempDirectory: scratch, databaseFile: path.join(scratch, 'score.duckdb') });
    try {
      // every result is ordered explicitly: DuckDB need not keep insertion order (less memory)
      await db.run('SET preserve_insertion_order = false');
      return await scoreIn(db, run, seen);
    } catch (error) {
      throw outOfMemory(error, limit, seen.sites) ?? error;
    } finally {
      await db.close();
    }
  });
}

/** DuckDB's own out-of-memory text is a page of advice and a stack; the user's fix is one flag. */
function outOfMemory(error: unknown, limit: string, sites: number | undefined): UsageError | undefined {
  if (!(error instanceof QueryError) || !/out of memory|could not allocate|failed to pin/i.test(error.message)) return undefined;
  const given = limit === DEFAULT_MEMORY_LIMIT ? `the default --memory-limit ${limit}` : `--memory-limit ${limit}`;
  return new UsageError(`DuckDB ran out of memory within ${given} ${sites === undefined ? 'while reading the sites' : `while scoring ${sites} sites`}; raise it, e.g. --memory-limit 2GB`);
}

async function scoreIn(db: NativeDatabase, run: ScoreRun, seen: { sites?: number }): Promise<ScoreOutcome> {
  const { args, bundle, scenario, bar } = run;
  const sites = await run.sites(db);
  seen.sites = sites.loaded;
  stepEnded('staging and settling');
  const forecasts = run.calibration ? forecastsByChunk(bundle, scenario, run.calibration, run.threads > 1 ? sites.loaded : 0) : undefined;
  const tally: ComparedTally = { outside: [], placedBy: {} };
  const chunks = comparedChunks(bundle, sites, SITE_CHUNK, tally);
  // Not in one transaction, unlike the staging: the sites are scored here too (score-level.ts), and
  // rows a transaction has not committed cannot be evicted — 2 M sites ran out of 256MB that way
  const loaded = await loadSites(db, bundle, scenario, { loaded: sites.loaded, chunks }, { kernel: run.kernel, extra: forecasts?.columns, onProgress: (stage, f) => bar(stage, 0.3 + 0.5 * f) })
    .finally(() => forecasts?.close());
  stepEnded('scoring chunks');
  bar('ranking', 0.8);
  await rankSites(db, loaded.terms, scenario.combine, args.per);
  await keepSites(db, { scenario, ...(args.top !== undefined ? { shortlist: { top: args.top, group: args.per } } : {}) });
  await saveAreas(db, 'regions', bundle.regions);
  await saveAreas(db, 'districts', bundle.districts);
  if (args.sensitivity && loaded.n > 0) await saveSensitivity(db, loaded, args.sensitivity, scenario.combine);
  stepEnded('ranking and keeping');
  bar('writing', 0.9);
  const q: SiteQuery = {
    loaded, group: args.per, rows: args.top !== undefined ? 'shortlisted' : args.keptOnly ? 'kept' : 'all',
    sensitivity: args.sensitivity !== undefined && loaded.n > 0, byCoordinates: !sites.geocoded,
  };
  const columns = siteColumns(q);
  let written: number;
  if (run.format === 'parquet') {
    await copyToParquet(db, run.out, siteQuery(q, columns, parquetCast));
    const [row] = await db.query(q.rows === 'all' ? 'SELECT count(*) AS n FROM scored' : `SELECT count(*) AS n FROM ${q.rows}`);
    written = Number(row.n);
  } else {
    written = await writeRows(run.out, columns, db.vectorChunks(siteQuery(q, columns)), run.format);
  }
  stepEnded('writing');
  await writeRejects(run.rejects, sites.file, sites.rejects());
  stepEnded('rejects');
  const top = await db.query(`SELECT c.rank, s.id, coalesce(s.name, s.id) AS name, c.score, c.pos IN (SELECT pos FROM kept) AS kept, coalesce(s.excluded_by, '') AS excluded_by
    FROM scored c JOIN sites s USING (pos) ${q.rows === 'all' ? '' : `WHERE c.pos IN (SELECT pos FROM ${q.rows})`} ORDER BY c.rank LIMIT 10`);
  return {
    file: sites.file, read: sites.read, rejected: sites.rejected, scored: loaded.n,
    byCoordinates: sites.geocoded ? (tally.placedBy.coordinates ?? 0) : loaded.n, exact: tally.placedBy.exact ?? 0, fuzzy: tally.placedBy.fuzzy ?? 0,
    written,
    top: top.map((t) => ({ rank: Number(t.rank), id: String(t.id), name: String(t.name ?? ''), score: Number(Number(t.score).toFixed(2)), kept: t.kept === true, excluded_by: String(t.excluded_by) })),
    outside: tally.outside.length,
    notes: sites.notes,
    warnings: [...outsideNotes({ reasons: tally.outside }).map((n) => `${n} (listed in the rejects)`), ...loaded.warnings, ...(forecasts?.warnings() ?? [])],
  };
}
