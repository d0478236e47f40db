/**
 * Column totals of a freshly loaded layer for its validation report, computed by DuckDB (which
 * holds every loaded layer as a table in this worker) — or in plain JS when DuckDB cannot start.
 */
import type { Database } from '../../db/database.ts';
import type { Layer } from '../engine-api.ts';

function jsSums(layer: Pick<Layer, 'numeric'>, columns: string[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const name of columns) {
    const column = layer.numeric[name];
    let s = 0;
    for (const v of column) if (Number.isFinite(v)) s += v;
    sums[name] = s;
  }
  return sums;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Totals of the layer's mapped numeric roles (population, weight, rent …), not of every code column. */
export async function layerSums(db: () => Promise<Database>, layer: Pick<Layer, 'layer' | 'numeric'>, roles: readonly string[]): Promise<{ sums: Record<string, number>; by: 'duckdb' | 'js'; note?: string }> {
  const columns = Object.keys(layer.numeric).filter((c) => roles.includes(c));
  try {
    // the layer's table is the engine's (bundle-tables.ts), stored when the layer was loaded
    const conn = await db();
    const select = ['count(*) AS n', ...columns.map((c, i) => `sum(${quote(c)}) AS s${i}`)].join(', ');
    const [row] = await conn.query(`SELECT ${select} FROM ${quote(layer.layer)}`);
    const sums: Record<string, number> = {};
    columns.forEach((c, i) => (sums[c] = Number(row[`s${i}`] ?? 0)));
    return { sums, by: 'duckdb' };
  } catch (error) {
    return { sums: jsSums(layer, columns), by: 'js', note: `DuckDB unavailable (${error instanceof Error ? error.message : String(error)}); totals computed in JS` };
  }
}
