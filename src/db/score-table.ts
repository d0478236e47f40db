/**
 * Scoring a table in any DuckDB behind the Database interface (DuckDB-WASM in Node or in the page's
 * worker, native DuckDB): the same SQL text the CLI runs (score-sql.ts) — each term normalised over
 * every row, combined with its weight and ranked (ties by id, then pos) into table `scored`.
 * The table needs columns `pos` (0, 1, 2 …), `id` and each term's column.
 */
import type { Database } from './database.ts';
import { goodnessStats, normalisedTermsSql, scoredTableSql, type ScoreTerm } from './score-sql.ts';

export async function scoreTable(db: Database, table: string, terms: readonly ScoreTerm[], combine: 'sum' | 'geometric', group = '0'): Promise<void> {
  const query = (sql: string) => db.query(sql);
  // a table scored this way fits in memory (the page's), so the z-score's column comes in one part
  const column = async function* (sql: string): AsyncGenerator<Float64Array> {
    const rows = await db.query(sql);
    yield Float64Array.from(rows, (row) => {
      const v = Object.values(row)[0];
      return typeof v === 'number' ? v : NaN;
    });
  };
  const normalised = await normalisedTermsSql(terms, (g, method) => goodnessStats(query, column, table, g, method));
  await db.query(scoredTableSql(table, normalised, terms.map((t) => t.weight), combine, group));
}
