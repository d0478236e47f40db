/**
 * SQL for analysts in Node: a native DuckDB holding the bundle's layers (one table per layer:
 * regions, districts, demand, competitors, network, pois, transit, candidates, gazetteer — see
 * Database.insertLayer for the columns) and any scored level added as a table. Queries give plain
 * rows, or an Apache Arrow table that Observable Plot draws directly; values are bound, never pasted:
 *
 *   const db = await openSql(bundle);
 *   await db.addLevel('sites', result.sites);
 *   const cheap = await db.sql`SELECT id, score FROM sites WHERE rent < ${50000} ORDER BY rank LIMIT 10`;
 *   Plot.dot(await db.arrow('SELECT lon, lat, score FROM sites'), { x: 'lon', y: 'lat', fill: 'score' }).plot();
 */
import { tableFromJSON, type Table } from 'apache-arrow';
import { LAYER_NAMES, type LoadedBundle } from '../data/layer.ts';
import type { QueryParam, Row } from '../db/database.ts';
import type { LevelResult } from '../score/types.ts';
import { openNativeDatabase, type NativeDatabase, type NativeOptions, type TableColumn } from './duckdb-native.ts';

export interface SqlSession {
  /** Rows of a query; `params` bind to its `?` placeholders. */
  query(sql: string, params?: QueryParam[]): Promise<Row[]>;
  /** sql`… ${value} …`: each interpolated value is bound as a parameter (values only, never names). */
  sql(strings: TemplateStringsArray, ...values: QueryParam[]): Promise<Row[]>;
  /** The query's rows as an Arrow table (for Plot, or any Arrow consumer). */
  arrow(sql: string, params?: QueryParam[]): Promise<Table>;
  /**
   * A scored level as table `name`: id, name, score, rank, kept, excluded_by, lon/lat (sites), and
   * per criterion <name>_raw, <name>_normalised, <name>_points.
   */
  addLevel(name: string, level: LevelResult): Promise<void>;
  /** The native database underneath, for what the session does not cover. */
  readonly db: NativeDatabase;
  close(): Promise<void>;
}

export async function openSql(bundle?: LoadedBundle, options: NativeOptions = {}): Promise<SqlSession> {
  const db = await openNativeDatabase(options);
  for (const name of LAYER_NAMES) {
    const layer = bundle?.[name];
    if (layer) await db.insertLayer(name, layer);
  }
  const query = (text: string, params: QueryParam[] = []): Promise<Row[]> => db.query(text, params);
  return {
    db,
    query,
    sql: (strings, ...values) => query(strings.join('?'), values),
    arrow: async (text, params) => tableFromJSON(await query(text, params)),
    async addLevel(name: string, level: LevelResult): Promise<void> {
      const columns: TableColumn[] = [
        { name: 'id', kind: 'text', values: level.ids },
        { name: 'name', kind: 'text', values: level.names },
        { name: 'score', kind: 'double', values: level.score },
        { name: 'rank', kind: 'integer', values: level.rank },
        { name: 'kept', kind: 'boolean', values: level.kept },
        { name: 'excluded_by', kind: 'text', values: level.excludedBy ?? level.ids.map(() => '') },
        ...(level.lon && level.lat ? [{ name: 'lon', kind: 'double' as const, values: level.lon }, { name: 'lat', kind: 'double' as const, values: level.lat }] : []),
        ...level.criteria.flatMap((c): TableColumn[] => [
          { name: `${c.name}_raw`, kind: 'double', values: c.raw },
          { name: `${c.name}_normalised`, kind: 'double', values: c.normalised },
          { name: `${c.name}_points`, kind: 'double', values: c.contribution },
        ]),
      ];
      await db.createTable(name, columns);
      await db.append(name, columns);
    },
    close: () => db.close(),
  };
}
