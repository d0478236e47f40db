/**
 * One point of a candidate layer held in DuckDB (duck-layer.ts), named for the map's tooltip: JS
 * keeps only the positions, so the id and the label columns are read from the layer's table when
 * the pointer rests on the point.
 */
import type { Database } from '../../db/database.ts';
import { quoteIdentifier } from '../../db/sql.ts';
import type { DuckLayer } from './duck-layer.ts';
import { LABEL_COLUMNS } from './map-data.ts';

/** The point's id, and its label columns (name, address) joined as the map labels a point held in JS; '' when none. */
export async function heldPointName(db: Database, duck: DuckLayer, index: number): Promise<{ id: string; label: string }> {
  if (!Number.isInteger(index) || index < 0 || index >= duck.lon.length) throw new Error(`no point ${index} among the ${duck.lon.length} candidates held in DuckDB`);
  const labels = LABEL_COLUMNS.candidates.flatMap((name) => duck.columns.filter((c) => c.name === name && c.kind === 'text'));
  const select = ['id', ...labels.map((c) => quoteIdentifier(c.column))].join(', ');
  // the table is appended in the positions' order and never has rows deleted: row k is rowid k (as hydrateLayer reads it)
  const [row] = await db.query(`SELECT ${select} FROM ${quoteIdentifier(duck.table)} WHERE rowid = ${index}`);
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const parts = labels.map((c) => text(row?.[c.column])).filter((v) => v !== '');
  return { id: text(row?.id), label: parts.slice(0, 2).join(' · ') };
}
