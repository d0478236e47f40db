/**
 * The one place SQL text is assembled. Identifiers are quoted here; values are never put into SQL
 * text but bound as parameters (`?`). Anything user-named that reaches SQL goes through these.
 */
import { UsageError } from '../errors.ts';

/** "name" with embedded quotes doubled: safe for any column or table name. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0) throw new UsageError('an SQL identifier cannot be empty');
  if (name.includes('\0')) throw new UsageError(`invalid SQL identifier ${JSON.stringify(name)}: contains a NUL character`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** Table names we create must be plain identifiers, so they read the same in every tool. */
export function checkTableName(table: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table)) {
    throw new UsageError(`invalid table name ${JSON.stringify(table)}: use letters, digits and _ (not starting with a digit)`);
  }
  return table;
}

export const dropTableSql = (table: string): string => `DROP TABLE IF EXISTS ${quoteIdentifier(checkTableName(table))}`;

export const countRowsSql = (table: string): string => `SELECT COUNT(*) AS n FROM ${quoteIdentifier(checkTableName(table))}`;

/** `SELECT agg(column) AS alias FROM table`, with every name quoted. */
export function aggregateSql(table: string, aggregate: 'SUM' | 'AVG' | 'MIN' | 'MAX' | 'COUNT', column: string, alias = 'value'): string {
  return `SELECT ${aggregate}(${quoteIdentifier(column)}) AS ${quoteIdentifier(alias)} FROM ${quoteIdentifier(checkTableName(table))}`;
}

/**
 * A string literal, for the few places DuckDB takes no bound parameter (COPY … TO, SET): quotes
 * doubled, NUL refused.
 */
export function quoteString(text: string): string {
  if (text.includes('\0')) throw new UsageError(`invalid SQL string ${JSON.stringify(text)}: contains a NUL character`);
  return `'${text.replaceAll("'", "''")}'`;
}
