/**
 * The scenario's SQL filter on a set of sites, run by whichever DuckDB the caller holds (native in
 * the CLI, DuckDB-WASM in the page's worker): one SQL text. The sites go in as a table with their
 * attributes under their own names (layer-table.ts), the predicate is checked (sql-predicate.ts)
 * and DuckDB answers which rows fail it. A missing value (NULL) fails, as it does an attribute limit.
 */
import { UsageError } from '../errors.ts';
import type { PointLayer } from '../data/layer.ts';
import type { Database } from './database.ts';
import { layerColumns } from './layer-table.ts';
import { checkSqlPredicate } from './sql-predicate.ts';
import { dropTableSql, quoteIdentifier } from './sql.ts';

const TABLE = 'site_filter';

/** The SQL text of the filter over table `table`: the positions (column `position`) of the rows that fail it. */
export function failingRowsSql(table: string, predicate: string, position: string): string {
  return `SELECT ${quoteIdentifier(position)} AS pos FROM ${table} WHERE NOT coalesce((${predicate}), false)`;
}

/** Per site: 1 where the predicate is false or NULL, else 0. */
export async function siteFilterFailures(db: Database, predicate: string, sites: PointLayer): Promise<Uint8Array> {
  const columns = layerColumns(sites);
  const names = columns.map((c) => c.name);
  const checked = checkSqlPredicate(predicate, names);
  const failed = new Uint8Array(sites.ids.length);
  // each row's position as a column: rowid is not one inside a transaction (DuckDB numbers rows not
  // yet committed from 2^62), and the CLI scores its chunks in one
  let position = 'site_position';
  while (names.includes(position)) position = `_${position}`;
  await db.insertColumns(TABLE, [...columns, { name: position, kind: 'double', values: Float64Array.from(sites.ids, (_, i) => i) }]);
  try {
    const rows = await db.query(failingRowsSql(TABLE, checked, position));
    for (const row of rows) failed[Number(row.pos)] = 1;
  } catch (error) {
    throw filterError(checked, error);
  } finally {
    await db.query(dropTableSql(TABLE));
  }
  return failed;
}

/** DuckDB's complaint about a filter that passed the check (a wrong type, a bad value) in the planner's words. */
function filterError(predicate: string, error: unknown): UsageError {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const mixed = /Cannot mix values of type (\w+) and BOOLEAN/.exec(message);
  if (mixed) return new UsageError(`the SQL filter "${predicate}" gives ${mixed[1]} values, not true/false: compare it, e.g. ${predicate} > 0`);
  return new UsageError(`the SQL filter "${predicate}" failed: ${message.replace(/^\w+ Error: /, '')}`);
}
