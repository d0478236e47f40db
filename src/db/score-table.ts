/**
 * Scoring a table in any DuckDB behind the Database interface (DuckDB-WASM in Node or in the page's
 * worker, native DuckDB): the same SQL text the CLI runs (score-sql.ts) — each term normalised over
 * every row, combined with its weight, ranked (score desc, then id, then pos) and, given a keep
 * rule, cut (keptSql) — read back as columns in pos order. The table needs columns `pos`
 * (0, 1, 2 …), `id` and each term's column; it fits in memory (a funnel level, the page's sites).
 */
import type { Database } from './database.ts';
import { countsOf, goodnessSql, goodnessStats, keptSql, manyStatsSql, normalisedTermsSql, scoredSelectSql, type KeepSqlRule, type ScoreTerm } from './score-sql.ts';

/** Per row (pos order): each term's 0–1 value and points, the score, the rank and, with a keep rule, kept. */
export interface ScoredColumns {
  normalised: Float64Array[];
  points: Float64Array[];
  score: Float64Array;
  rank: Int32Array;
  kept: Uint8Array;
}

export async function scoreTable(db: Database, table: string, rows: number, terms: readonly ScoreTerm[], combine: 'sum' | 'geometric', keep?: KeepSqlRule): Promise<ScoredColumns> {
  const query = (sql: string) => db.query(sql);
  const read = new Map<string, Promise<Float64Array>>();
  // the z-score's column, in pos order, read once for both of its passes
  const column = async function* (sql: string): AsyncGenerator<Float64Array> {
    if (!read.has(sql)) read.set(sql, db.query(sql).then((r) => Float64Array.from(r, (row) => numberOr(Object.values(row)[0], NaN))));
    yield await read.get(sql)!;
  };
  // every term's counts in one scan of the table (a query per term costs a round trip each in the page)
  const goodness = terms.flatMap((t) => (t.direction !== undefined && t.normalise !== undefined && t.normalise !== 'none' ? [goodnessSql(t.column, t.direction)] : []));
  const [counts] = goodness.length > 0 ? await db.query(manyStatsSql(table, goodness)) : [{}];
  const normalised = await normalisedTermsSql(terms, (g, method) => goodnessStats(query, column, table, g, method, method === 'none' ? undefined : countsOf(counts, goodness.indexOf(g))));
  const scored = scoredSelectSql(table, normalised, terms.map((t) => t.weight), combine, null);
  const sql = keep ? keptSql(scored, table, keep) : scored;
  const out: ScoredColumns = {
    normalised: terms.map(() => new Float64Array(rows)),
    points: terms.map(() => new Float64Array(rows)),
    score: new Float64Array(rows),
    rank: new Int32Array(rows),
    kept: new Uint8Array(rows),
  };
  for (const row of await db.query(`${sql} ORDER BY pos`)) {
    const i = numberOr(row.pos, -1);
    if (!(i >= 0 && i < rows)) throw new Error(`scoreTable: table ${table} has a row at pos ${String(row.pos)}, outside 0…${rows - 1}`);
    terms.forEach((_, k) => {
      out.normalised[k][i] = numberOr(row[`n${k}`], NaN);
      out.points[k][i] = numberOr(row[`p${k}`], NaN);
    });
    out.score[i] = numberOr(row.score, NaN);
    out.rank[i] = numberOr(row.rank, 0);
    out.kept[i] = row.kept === true ? 1 : 0;
  }
  return out;
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}
