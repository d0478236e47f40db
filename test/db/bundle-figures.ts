/**
 * Figures that describe a loaded bundle, computed the same way in Node and in the browser page
 * (test/browser-pages/bundle-load.ts): per-layer counts, a few SQL aggregates over the layers as
 * DuckDB tables, and containment links. The two runs must agree exactly.
 */
import { LAYER_NAMES, type LoadedBundle } from '../../src/data/layer.ts';
import { linkBundle } from '../../src/data/link-bundle.ts';
import type { Database, Row } from '../../src/db/database.ts';
import { aggregateSql, countRowsSql } from '../../src/db/sql.ts';

export interface BundleFigures {
  counts: Record<string, number>;
  sqlCounts: Record<string, number>;
  sql: Record<string, Row[]>;
  /** Demand points and population per region, by containment (linkBundle). */
  demandPerRegion: number[];
  populationPerRegion: number[];
  districtRegion: number[];
}

export async function bundleFigures(bundle: LoadedBundle, db: Database): Promise<BundleFigures> {
  const counts: Record<string, number> = {};
  const sqlCounts: Record<string, number> = {};
  for (const name of LAYER_NAMES) {
    const layer = bundle[name];
    if (!layer) continue;
    counts[name] = layer.ids.length;
    await db.insertLayer(name, layer);
    sqlCounts[name] = Number((await db.query(countRowsSql(name)))[0].n);
  }
  const sql: Record<string, Row[]> = {
    demandPopulation: await db.query(aggregateSql('demand', 'SUM', 'population')),
    regionPopulation: await db.query(aggregateSql('regions', 'SUM', 'population')),
    competitorsByBrand: await db.query('SELECT brand, COUNT(*) AS n, ROUND(SUM(attractiveness), 6) AS a FROM competitors GROUP BY brand ORDER BY brand'),
    networkByType: await db.query('SELECT type, COUNT(*) AS n FROM network GROUP BY type ORDER BY type'),
    candidateRent: await db.query('SELECT COUNT(rent) AS n, ROUND(AVG(rent), 6) AS avg_rent FROM candidates'),
    demandBox: await db.query('SELECT ROUND(MIN(lon), 9) AS w, ROUND(MAX(lon), 9) AS e, ROUND(MIN(lat), 9) AS s, ROUND(MAX(lat), 9) AS n FROM demand'),
  };
  const links = linkBundle(bundle);
  const regions = bundle.regions?.ids.length ?? 0;
  const demandPerRegion = new Array<number>(regions).fill(0);
  const populationPerRegion = new Array<number>(regions).fill(0);
  const inRegion = links.pointRegion.demand ?? new Int32Array(0);
  const population = bundle.demand?.numeric.population;
  inRegion.forEach((r, i) => {
    if (r < 0) return;
    demandPerRegion[r]++;
    populationPerRegion[r] += population?.[i] ?? 0;
  });
  return { counts, sqlCounts, sql, demandPerRegion, populationPerRegion, districtRegion: Array.from(links.districtRegion) };
}
