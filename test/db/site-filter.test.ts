/**
 * The scenario's SQL filter: the predicate check refuses what is not one expression over the
 * candidates' columns, and the filter gives the same rows on DuckDB-WASM in Node and native DuckDB
 * — five sites whose answers can be read off the table below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PointLayer } from '../../src/data/layer.ts';
import type { Database } from '../../src/db/database.ts';
import { siteFilterFailures } from '../../src/db/site-filter.ts';
import { checkSqlPredicate } from '../../src/db/sql-predicate.ts';
import { openNodeDatabase } from '../../src/node/duckdb.ts';
import { openNativeDatabase } from '../../src/node/duckdb-native.ts';
import { checkConstraints } from '../../src/score/constraints.ts';
import { createKernel } from '../../src/kernel/index.ts';

//            rent    floor_area  type
// s1         40000   150         shop
// s2         40000   100         shop     floor too small
// s3         60000   200         office   rent too high
// s4         (none)  130         shop     no rent: NULL fails
// s5         49999   120.5       office
const sites: PointLayer = {
  kind: 'point', layer: 'candidates', ids: ['s1', 's2', 's3', 's4', 's5'],
  lon: Float64Array.of(0, 0.01, 0.02, 0.03, 0.04), lat: Float64Array.of(0, 0, 0, 0, 0),
  numeric: { rent: Float64Array.of(40000, 40000, 60000, NaN, 49999), floor_area: Float64Array.of(150, 100, 200, 130, 120.5) },
  text: { type: ['shop', 'shop', 'office', 'shop', 'office'] },
};
const COLUMNS = ['id', 'lon', 'lat', 'rent', 'floor_area', 'type'];

describe('checkSqlPredicate', () => {
  it.each([
    ['rent < 50000; DROP TABLE candidates', /cannot contain a ";"/],
    ["read_csv('/etc/passwd') IS NOT NULL", /cannot call read_csv\(\): only abs, round/],
    ['"read_csv"(\'x\') IS NULL', /cannot call "read_csv"\(\)/],
    ['rent IN (SELECT 1)', /one condition, not a statement: "SELECT"/],
    ["rent < 1 OR EXISTS(FROM read_parquet('x'))", /cannot call EXISTS\(\)/],
    ['rent::INTEGER > 5', /a cast \(::\)/],
    ['rent < 5 -- hidden', /comment/],
    ['rent < 5 /* x */', /comment \(\/\*\)/],
    ['(rent < 5', /"\(" that is not closed/],
    ['rent < 5)', /"\)" without its "\("/],
    ["type = 'shop", /string that is not closed/],
    ['  ', /empty/],
  ])('refuses %s', (predicate, message) => {
    expect(() => checkSqlPredicate(predicate, COLUMNS)).toThrow(message);
  });

  it('names an unknown column with the columns there are', () => {
    expect(() => checkSqlPredicate('rnet < 50000', COLUMNS)).toThrow('unknown column "rnet" in the SQL filter; the candidates have: id, lon, lat, rent, floor_area, type');
    expect(() => checkSqlPredicate('"floor area" > 1', COLUMNS)).toThrow(/unknown column "floor area"/);
  });

  it('takes conditions over the columns (any case), strings with quotes, allowed functions', () => {
    expect(checkSqlPredicate(' rent < 50000 AND floor_area > 120 ', COLUMNS)).toBe('rent < 50000 AND floor_area > 120');
    for (const ok of ["RENT <= 5e4 or type = 'o''shop'", 'abs(rent - 1) BETWEEN 0 AND 10', 'rent IS NULL', "lower(type) LIKE 'sh%'", '"floor_area" >= .5']) {
      expect(checkSqlPredicate(ok, COLUMNS)).toBe(ok);
    }
  });
});

const engines: [string, () => Promise<Database>][] = [['DuckDB-WASM in Node', openNodeDatabase], ['native DuckDB', () => openNativeDatabase()]];

describe.each(engines)('the filter on %s', (_name, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db?.close());

  it.each([
    ['rent < 50000 AND floor_area > 120', [0, 1, 1, 1, 0]],
    ["type = 'office' OR rent IS NULL", [1, 1, 0, 0, 0]],
    ['coalesce(rent, 0) < 50000', [0, 0, 1, 0, 0]],
  ])('%s fails the rows worked out by hand', async (predicate, failed) => {
    expect(Array.from(await siteFilterFailures(db, predicate, sites))).toEqual(failed);
  });

  it('says when the filter is not a condition, and leaves no table behind', async () => {
    await expect(siteFilterFailures(db, 'rent + 1', sites)).rejects.toThrow('the SQL filter "rent + 1" gives DOUBLE values, not true/false');
    await expect(siteFilterFailures(db, "rent < 'cheap'", sites)).rejects.toThrow(/the SQL filter "rent < 'cheap'" failed: Could not convert string 'cheap'/);
    expect(await db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'site_filter'")).toEqual([{ n: 0 }]);
  });

  it('is a constraint: the reason names the predicate, after the other constraints', async () => {
    const constraints = { maxAttribute: { rent: 55000 }, filter: 'rent < 50000 AND floor_area > 120' };
    const own = { lon: new Float64Array(0), lat: new Float64Array(0) };
    const { eligible, excludedBy } = await checkConstraints(createKernel(), sites, own, constraints, { database: db });
    expect(Array.from(eligible)).toEqual([1, 0, 0, 0, 1]);
    expect(excludedBy).toEqual(['', 'filtered out by: rent < 50000 AND floor_area > 120', 'rent 60 000 above the maximum 55 000', 'no rent value (maximum 55 000)', '']);
  });
});

it('a filter without a database is a clear error, not an unfiltered run', async () => {
  const own = { lon: new Float64Array(0), lat: new Float64Array(0) };
  await expect(checkConstraints(createKernel(), sites, own, { filter: 'rent < 1' })).rejects.toThrow(/SQL filter \(constraints.filter "rent < 1"\) needs DuckDB/);
});

it('the report lists the filter among the constraints, as text', async () => {
  const { scenarioSummary } = await import('../../src/report/scenario-summary.ts');
  const { parseScenario } = await import('../../src/scenario/scenario.ts');
  const scenario = parseScenario({ version: 1, name: 's', criteria: [{ id: 'd', kind: 'demand', weight: 1 }], constraints: { filter: "type = 'shop' AND rent < 5" } });
  expect(scenarioSummary(scenario)).toContain('SQL filter (sites failing it are not kept)</dt><dd>type = &#39;shop&#39; AND rent &lt; 5');
});
