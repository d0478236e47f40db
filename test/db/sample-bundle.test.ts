/**
 * The sample bundle in Node: per-layer counts as documented in data/sample/README.md, SQL over the
 * layers as DuckDB tables, and containment agreeing with the generator's own parent links.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedBundle } from '../../src/data/layer.ts';
import { linkDistrictsToRegions } from '../../src/data/link-bundle.ts';
import type { Database } from '../../src/db/database.ts';
import { openNodeDatabase } from '../../src/node/duckdb.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { bundleFigures, type BundleFigures } from './bundle-figures.ts';

const sampleDir = fileURLToPath(new URL('../../data/sample', import.meta.url));
let bundle: LoadedBundle;
let db: Database;
let figures: BundleFigures;

beforeAll(async () => {
  bundle = await loadBundleDir(sampleDir);
  db = await openNodeDatabase();
  figures = await bundleFigures(bundle, db);
});
afterAll(async () => db?.close());

describe('sample bundle in Node', () => {
  it('loads the row counts the README documents, and DuckDB holds the same', () => {
    // README: 5 regions, 50 districts, 5861 demand cells, …; 2000 candidates less 20 deliberate misses.
    const documented = { regions: 5, districts: 50, demand: 5861, competitors: 345, network: 170, pois: 5486, transit: 1471, gazetteer: 22880, candidates: 1980 };
    expect(figures.counts).toEqual(documented);
    expect(figures.sqlCounts).toEqual(documented);
  });

  it('sums demand population to the generator\'s 2 400 000 in SQL and by region', () => {
    expect(figures.sql.demandPopulation).toEqual([{ value: 2_400_000 }]);
    // Every demand cell lies in some district of some region, so nothing is lost by containment.
    expect(figures.demandPerRegion.reduce((a, b) => a + b, 0)).toBe(5861);
    expect(figures.populationPerRegion.reduce((a, b) => a + b, 0)).toBe(2_400_000);
  });

  it('finds each district\'s region by containment equal to its own region column', () => {
    const districts = bundle.districts;
    const regions = bundle.regions;
    if (!districts || !regions) throw new Error('sample bundle lacks districts or regions');
    const byColumn = figures.districtRegion;
    expect(byColumn.every((r) => r >= 0)).toBe(true);
    // Drop the column: the interior-point containment must reach the same parents (no district straddles).
    const byGeometry = linkDistrictsToRegions({ ...districts, text: {} }, regions);
    expect(Array.from(byGeometry)).toEqual(byColumn);
  });
});
