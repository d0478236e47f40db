/**
 * Native DuckDB in Node (@duckdb/node-api), behind the same Database interface as DuckDB-WASM. It
 * has parquet and json statically linked (DuckDB-WASM offline has neither) and runs multi-threaded;
 * tests run the shared SQL suite on both and require identical rows.
 *
 * registerFile has no in-memory equivalent here, so registered files are written to a private temp
 * folder that DuckDB searches for relative paths (`file_search_path`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, VARCHAR, type DuckDBValue } from '@duckdb/node-api';
import type { Layer } from '../data/layer.ts';
import { UsageError } from '../data/errors.ts';
import { plainValue } from '../db/arrow-rows.ts';
import type { Database, QueryParam, Row } from '../db/database.ts';
import { OFFLINE_SETTINGS_SQL, QueryError } from '../db/duckdb-database.ts';
import { layerColumns } from '../db/layer-table.ts';
import { checkTableName, dropTableSql, quoteIdentifier } from '../db/sql.ts';

const CHUNK_ROWS = 2048; // DuckDB's vector size: the most rows one data chunk holds

export async function openNativeDatabase(): Promise<Database> {
  const files = mkdtempSync(join(tmpdir(), 'siteselect-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(OFFLINE_SETTINGS_SQL);
  await conn.run(`SET file_search_path = ${quoteStringLiteral(files)}`);
  let closed = false;

  const run = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    if (closed) throw new QueryError('the database is closed', sql);
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryError || error instanceof UsageError) throw error;
      throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
    }
  };

  return {
    query: (sql: string, params: QueryParam[] = []): Promise<Row[]> =>
      run(sql, async () => {
        const reader = await conn.runAndReadAll(sql, params.length > 0 ? params : undefined);
        return reader.getRowObjectsJS().map((row) => plainValue(row) as Row);
      }),
    async insertLayer(table: string, layer: Layer): Promise<void> {
      checkTableName(table);
      const columns = layerColumns(layer);
      const create = `CREATE TABLE ${quoteIdentifier(table)} (${columns.map((c) => `${quoteIdentifier(c.name)} ${c.kind === 'double' ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`;
      await run(create, async () => {
        await conn.run(dropTableSql(table));
        await conn.run(create);
        const appender = await conn.createAppender(table);
        const types = columns.map((c) => (c.kind === 'double' ? DOUBLE : VARCHAR));
        for (let start = 0; start < layer.ids.length; start += CHUNK_ROWS) {
          const end = Math.min(start + CHUNK_ROWS, layer.ids.length);
          const chunk = DuckDBDataChunk.create(types, end - start);
          columns.forEach((column, c) => chunk.setColumnValues(c, missingAsNull(column.values, start, end)));
          appender.appendDataChunk(chunk);
        }
        appender.closeSync();
      });
    },
    registerFile(name: string, bytes: Uint8Array): Promise<void> {
      if (name.split(/[\\/]/).includes('..') || name.startsWith('/')) {
        return Promise.reject(new UsageError(`invalid file name ${JSON.stringify(name)}: use a relative name without ".."`));
      }
      const path = join(files, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      return Promise.resolve();
    },
    close(): Promise<void> {
      if (closed) return Promise.resolve();
      closed = true;
      conn.closeSync();
      instance.closeSync();
      rmSync(files, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

function missingAsNull(values: Float64Array | string[], start: number, end: number): DuckDBValue[] {
  const out = new Array<DuckDBValue>(end - start);
  for (let i = start; i < end; i++) {
    const v = values[i];
    out[i - start] = v === '' || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
  }
  return out;
}

/** Only for our own temp path in a SET statement (settings cannot take bound parameters). */
function quoteStringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
