/**
 * A large candidate Parquet file dropped on the page, held in DuckDB as a large CSV is
 * (duck-layer.ts): its row groups decoded in JS one at a time (parquet-blocks.ts: DuckDB-WASM has
 * no parquet reader offline), checked and staged, the kept rows into table `candidates`.
 */
import type { LayerEntry } from '../../data/bundle-manifest.ts';
import type { LayerReport } from '../../data/layer.ts';
import type { BlockDatabase } from '../../db/block-database.ts';
import { loadIntoDuckDb, type DuckLayer, type DuckLoadOptions } from './duck-layer.ts';
import { NotInBlocks, parquetBlocks } from './parquet-blocks.ts';

/** Parquet from this size is held in DuckDB: it decodes to several times its size in JS values. */
export const DUCKDB_PARQUET_MIN_BYTES = 8 * 1024 * 1024;

export const isParquet = (file: { name: string }, entry: Pick<LayerEntry, 'format'>): boolean =>
  entry.format === 'parquet' || (entry.format === undefined && file.name.toLowerCase().endsWith('.parquet'));

/** The file into DuckDB, or why it must take the JS reader (which reads it whole). */
export async function parquetIntoDuckDb(db: BlockDatabase, file: Blob & { name: string }, entry: LayerEntry, opts: DuckLoadOptions & { progress?: (rows: number, total: number) => void }): Promise<{ layer: DuckLayer; report: LayerReport } | string> {
  let total = 1;
  const source = await parquetBlocks(file, (rows) => opts.progress?.(rows, total));
  if (typeof source === 'string') return source;
  total = source.rows;
  try {
    const loaded = await loadIntoDuckDb(db, source.blocks, file.name, entry, 'candidates', opts);
    // the JS reader's note first, as its table carries it (src/io/parquet.ts)
    loaded.report.notes.unshift(source.note);
    loaded.report.notes.push(`read row group by row group from the file (${loaded.report.read} rows), not copied into the page; its ids and attributes stay in DuckDB`);
    return loaded;
  } catch (error) {
    if (error instanceof NotInBlocks) return error.message;
    throw error;
  }
}
