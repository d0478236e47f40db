/**
 * The scored-sites output as one query over the DuckDB tables of a run (sites, scored, kept,
 * shortlisted, sens, regions, districts): rank, id, score, the rank within the --top-per/--per
 * group, kept, the region and district a site lies in, how it was placed, each criterion's raw
 * value and points (the points add up to the score), and every column the candidate file brought.
 * Each column says how it is printed (CSV, GeoJSON) and typed (Parquet).
 */
import { quoteIdentifier } from '../../db/sql.ts';
import type { RankGroup } from '../duckdb-score.ts';
import type { LoadedSites } from '../duckdb-sites.ts';

/** int: whole numbers; flag: 0/1 (BOOLEAN in Parquet); value: formatValue; lonlat: 7 decimals; share: 4 decimals. */
export type CellKind = 'int' | 'flag' | 'text' | 'value' | 'lonlat' | 'share';

export interface OutColumn {
  name: string;
  /** The SQL expression of the column in the query below. */
  sql: string;
  kind: CellKind;
}

export interface SiteQuery {
  loaded: LoadedSites;
  /** The --top-per/--per group: rank_in_<group>. */
  group: RankGroup;
  /** Which rows are written: all, the kept ones or the shortlist. */
  rows: 'all' | 'kept' | 'shortlisted';
  sensitivity: boolean;
  /** The candidate file placed its rows itself (no placed_by column): say so in every output. */
  byCoordinates: boolean;
}

export function siteColumns(q: SiteQuery): OutColumn[] {
  const cols: OutColumn[] = [
    { name: 'rank', sql: 'c.rank', kind: 'int' },
    { name: 'id', sql: 's.id', kind: 'text' },
    { name: 'score', sql: 'c.score', kind: 'value' },
    { name: `rank_in_${q.group}`, sql: 'c.rank_in_group', kind: 'int' },
    { name: 'kept', sql: 'c.pos IN (SELECT pos FROM kept)', kind: 'flag' },
  ];
  if (q.sensitivity) {
    cols.push({ name: 'p_top_k', sql: 'v.p_top_k', kind: 'share' }, { name: 'rank_p05', sql: 'v.rank_p05', kind: 'int' }, { name: 'rank_p95', sql: 'v.rank_p95', kind: 'int' });
  }
  cols.push(
    { name: 'excluded_by', sql: 's.excluded_by', kind: 'text' },
    { name: 'region', sql: 'r.id', kind: 'text' },
    { name: 'region_name', sql: 'r.name', kind: 'text' },
    { name: 'district', sql: 'd.id', kind: 'text' },
    { name: 'district_name', sql: 'd.name', kind: 'text' },
    { name: 'lon', sql: 's.lon', kind: 'lonlat' },
    { name: 'lat', sql: 's.lat', kind: 'lonlat' },
  );
  if (q.byCoordinates) cols.push({ name: 'placed_by', sql: `'coordinates'`, kind: 'text' }, { name: 'geocode_confidence', sql: 'NULL::DOUBLE', kind: 'value' });
  q.loaded.terms.forEach((t, k) => cols.push({ name: `${t.name}_raw`, sql: `s.${t.column}`, kind: 'value' }, { name: `${t.name}_points`, sql: `c.p${k}`, kind: 'value' }));
  const taken = new Set(cols.map((c) => c.name));
  for (const a of q.loaded.attributes) {
    // the file's columns unless named like an output column; extra columns (forecasts) always
    if (!taken.has(a.name) || a.extra) cols.push({ name: a.name, sql: `s.${a.column}`, kind: a.numeric ? 'value' : 'text' });
  }
  return cols;
}

/** The output rows in rank order. */
export function siteQuery(q: SiteQuery, columns: OutColumn[], cast: (c: OutColumn) => string = (c) => c.sql): string {
  return `SELECT ${columns.map((c) => `${cast(c)} AS ${quoteIdentifier(c.name)}`).join(', ')}
    FROM scored c JOIN sites s USING (pos) LEFT JOIN regions r ON r.idx = s.region LEFT JOIN districts d ON d.idx = s.district
    ${q.sensitivity ? 'LEFT JOIN sens v USING (pos)' : ''}
    ${q.rows === 'all' ? '' : `WHERE c.pos IN (SELECT pos FROM ${q.rows})`}
    ORDER BY c.rank`;
}
