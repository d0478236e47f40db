/**
 * The loaded bundle as DuckDB tables in the engine worker: one table per layer (its kept rows,
 * Database.insertLayer's columns) and one `rejects` table (layer, file, row, column, reason,
 * value) — what the JS readers produced, handed over as Arrow. Kept in step with the bundle by a
 * version number, so a layer dropped in replaces its table and its rejects.
 */
import type { Database } from '../../db/database.ts';
import type { LayerColumn } from '../../db/layer-table.ts';
import { LAYER_NAMES, type Layer, type LoadedBundle } from '../../data/layer.ts';
import { countRowsSql, dropTableSql } from '../../db/sql.ts';

/** The rejects of every file of the bundle, one row each. */
export function rejectColumns(bundle: Pick<LoadedBundle, 'reports'>): LayerColumn[] {
  const rows = bundle.reports.flatMap((report) => report.rejects.map((r) => ({ report, r })));
  return [
    { name: 'layer', kind: 'text', values: rows.map(({ report }) => report.layer) },
    { name: 'file', kind: 'text', values: rows.map(({ report }) => report.file) },
    { name: 'row', kind: 'double', values: Float64Array.from(rows, ({ r }) => r.row) },
    { name: 'column', kind: 'text', values: rows.map(({ r }) => r.column) },
    { name: 'reason', kind: 'text', values: rows.map(({ r }) => r.reason) },
    { name: 'value', kind: 'text', values: rows.map(({ r }) => r.value ?? '') },
  ];
}

/** Rows per table of the bundle (layers and rejects). */
export async function tableRows(db: Database): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const names = await db.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name`);
  for (const { name } of names) {
    const table = String(name);
    if (table === 'rejects' || (LAYER_NAMES as readonly string[]).includes(table)) rows[table] = Number((await db.query(countRowsSql(table)))[0].n);
  }
  return rows;
}

/** Per database, the layer object each table was made from: an unchanged layer is not copied again. */
const tablesOf = new WeakMap<Database, Map<string, Layer>>();

/**
 * Tables of the bundle's layers and rejects; a layer the bundle no longer has is dropped, but for
 * `held`: tables made in DuckDB itself (a large dropped file, duck-layer.ts), left as they are.
 */
export async function storeBundle(db: Database, bundle: LoadedBundle, held: readonly string[] = []): Promise<void> {
  let tables = tablesOf.get(db);
  if (!tables) tablesOf.set(db, (tables = new Map()));
  for (const name of LAYER_NAMES) {
    if (held.includes(name)) {
      tables.delete(name);
      continue;
    }
    const layer = bundle[name];
    if (layer === tables.get(name)) continue;
    tables.delete(name);
    if (layer) await db.insertLayer(name, layer);
    else await db.query(dropTableSql(name));
    if (layer) tables.set(name, layer);
  }
  await db.insertColumns('rejects', rejectColumns(bundle));
}
