/**
 * One table-driven SQL suite, run unchanged against DuckDB-WASM in Node (sql-suite.test.ts) and in
 * Chromium (test/browser-pages/db-suite.ts). Each case's expected rows are worked out by hand from
 * the two fixture layers below.
 */
import type { Polygon } from 'geojson';
import type { PointLayer, PolygonLayer } from '../../src/data/layer.ts';
import type { Database, QueryParam, Row } from '../../src/db/database.ts';
import { aggregateSql, countRowsSql } from '../../src/db/sql.ts';

// Four demand points; population has one missing value (NaN → NULL), brand one missing text ('' → NULL).
export const demandFixture: PointLayer = {
  kind: 'point',
  layer: 'demand',
  ids: ['d1', 'd2', 'd3', "d'4"],
  lon: Float64Array.of(10, 11, 12, 13),
  lat: Float64Array.of(50, 51, 52, 53),
  numeric: { population: Float64Array.of(100, 250, NaN, 50), 'floor area "m2"': Float64Array.of(1.5, 2.5, 3.5, 4.5) },
  text: { brand: ['A', 'B', 'A', ''] },
};

const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });

export const regionsFixture: PolygonLayer = {
  kind: 'polygon',
  layer: 'regions',
  ids: ['r1', 'r2'],
  names: ['North', 'Süd'],
  geometries: [square(0), square(5)],
  numeric: { population: Float64Array.of(1000, 2000) },
  text: {},
};

export interface SqlCase {
  name: string;
  sql: string;
  params?: QueryParam[];
  expected: Row[];
}

export const SQL_CASES: SqlCase[] = [
  { name: 'arithmetic', sql: 'SELECT 1 + 1 AS x', expected: [{ x: 2 }] },
  // COUNT(*) is BIGINT in DuckDB; the layer gives it back as a JS number.
  { name: 'count of a layer table', sql: countRowsSql('demand'), expected: [{ n: 4 }] },
  // 100 + 250 + 50; the NaN became NULL and SUM skips it.
  { name: 'sum skips missing values', sql: aggregateSql('demand', 'SUM', 'population'), expected: [{ value: 400 }] },
  { name: 'count of non-missing', sql: aggregateSql('demand', 'COUNT', 'population'), expected: [{ value: 3 }] },
  // 1.5 + 2.5 + 3.5 + 4.5 = 12; the column name holds a space and double quotes.
  { name: 'quoted odd column name', sql: aggregateSql('demand', 'SUM', 'floor area "m2"'), expected: [{ value: 12 }] },
  {
    name: 'group by text with NULL last',
    sql: 'SELECT brand, COUNT(*) AS n, SUM(population) AS pop FROM demand GROUP BY brand ORDER BY brand NULLS LAST',
    expected: [
      { brand: 'A', n: 2, pop: 100 },
      { brand: 'B', n: 1, pop: 250 },
      { brand: null, n: 1, pop: 50 },
    ],
  },
  { name: 'bound numbers', sql: 'SELECT id FROM demand WHERE lon >= ? AND lat < ? ORDER BY id', params: [11, 53], expected: [{ id: 'd2' }, { id: 'd3' }] },
  { name: 'bound text with a quote', sql: 'SELECT lon FROM demand WHERE id = ?', params: ["d'4"], expected: [{ lon: 13 }] },
  // An injection attempt stays a value: no id equals this string.
  { name: 'bound text is never SQL', sql: 'SELECT COUNT(*) AS n FROM demand WHERE id = ?', params: ["x' OR '1'='1"], expected: [{ n: 0 }] },
  { name: 'bound null and boolean', sql: 'SELECT ? IS NULL AS a, ? AS b', params: [null, true], expected: [{ a: true, b: true }] },
  {
    name: 'polygon layer columns',
    sql: "SELECT id, name, population, starts_with(geometry, '{\"type\":\"Polygon\"') AS geojson FROM regions ORDER BY id",
    expected: [
      { id: 'r1', name: 'North', population: 1000, geojson: true },
      { id: 'r2', name: 'Süd', population: 2000, geojson: true },
    ],
  },
  {
    name: 'layer schema',
    sql: "SELECT column_name AS c, data_type AS t FROM information_schema.columns WHERE table_name = 'demand' ORDER BY ordinal_position",
    expected: [
      { c: 'id', t: 'VARCHAR' },
      { c: 'lon', t: 'DOUBLE' },
      { c: 'lat', t: 'DOUBLE' },
      { c: 'population', t: 'DOUBLE' },
      { c: 'floor area "m2"', t: 'DOUBLE' },
      { c: 'brand', t: 'VARCHAR' },
    ],
  },
  // DECIMAL and DATE come back as plain numbers (2020-01-02 = 18263 days × 86 400 000 ms).
  { name: 'decimal and date as numbers', sql: "SELECT 1.25::DECIMAL(5,2) AS d, DATE '2020-01-02' AS t", expected: [{ d: 1.25, t: 1577923200000 }] },
  // 3 + 7 from the registered CSV, read through a bound file name.
  { name: 'registered CSV file', sql: 'SELECT SUM(b) AS s, COUNT(*) AS n FROM read_csv(?)', params: ['small.csv'], expected: [{ s: 10, n: 2 }] },
  {
    name: 'left join with a bound value in ON',
    sql: 'SELECT r.id AS region, COUNT(d.id) AS n FROM regions r LEFT JOIN demand d ON d.lon - 10 BETWEEN 0 AND 1 AND r.id = ? GROUP BY r.id ORDER BY r.id',
    params: ['r1'],
    expected: [
      { region: 'r1', n: 2 },
      { region: 'r2', n: 0 },
    ],
  },
];

export type SqlOutcome = { name: string; rows: Row[] } | { name: string; error: string };

/** Loads the fixtures into `db` and runs every case, recording rows or the error message. */
export async function runSqlSuite(db: Database): Promise<SqlOutcome[]> {
  await db.insertLayer('demand', demandFixture);
  await db.insertLayer('regions', regionsFixture);
  await db.registerFile('small.csv', new TextEncoder().encode('a,b\nx,3\ny,7\n'));
  const outcomes: SqlOutcome[] = [];
  for (const c of SQL_CASES) {
    try {
      outcomes.push({ name: c.name, rows: await db.query(c.sql, c.params) });
    } catch (error) {
      outcomes.push({ name: c.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
