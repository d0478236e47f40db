/**
 * keepSites reads the ranked sites out of DuckDB in windows of ranks that double; ten sites whose
 * keeping is worked out by hand are kept and shortlisted the same whether the windows hold two
 * ranks (four windows) or all of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeDatabase, type NativeDatabase } from '../../src/node/duckdb-native.ts';
import { keepSites } from '../../src/node/duckdb-score.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';

let db: NativeDatabase;
const n = 10;
beforeAll(async () => {
  db = await openNativeDatabase();
  // site p: rank p + 1, region p % 2, about 1 km east of site p − 1; site 3 fails a constraint
  const sites = [
    { name: 'pos', kind: 'integer' as const, values: Int32Array.from({ length: n }, (_, p) => p) },
    { name: 'eligible', kind: 'boolean' as const, values: Uint8Array.from({ length: n }, (_, p) => (p === 3 ? 0 : 1)) },
    { name: 'keep_region', kind: 'integer' as const, values: Int32Array.from({ length: n }, (_, p) => p % 2) },
    { name: 'region', kind: 'integer' as const, values: Int32Array.from({ length: n }, (_, p) => p % 2) },
    { name: 'district', kind: 'integer' as const, values: new Int32Array(n) },
    { name: 'lon', kind: 'double' as const, values: Float64Array.from({ length: n }, (_, p) => 114 + p * 0.01) },
    { name: 'lat', kind: 'double' as const, values: new Float64Array(n).fill(22.5) },
  ];
  const scored = [
    { name: 'pos', kind: 'integer' as const, values: Int32Array.from({ length: n }, (_, p) => p) },
    { name: 'score', kind: 'double' as const, values: Float64Array.from({ length: n }, (_, p) => 100 - 5 * p) },
    { name: 'rank', kind: 'integer' as const, values: Int32Array.from({ length: n }, (_, p) => p + 1) },
  ];
  for (const [table, columns] of [['sites', sites], ['scored', scored]] as const) {
    await db.createTable(table, columns);
    await db.append(table, columns);
  }
});
afterAll(() => db.close());

const scenario = parseScenario({
  version: 1, name: 'keep', criteria: [{ id: 'demand', kind: 'demand', weight: 1 }],
  funnel: { sites: { topK: 4 } }, constraints: { topNPerRegion: 2 },
}, 'keep.json');

async function positions(table: string): Promise<number[]> {
  return (await db.query(`SELECT pos FROM ${table} ORDER BY pos`)).map((r) => Number(r.pos));
}

describe('keepSites in windows of ranks', () => {
  it.each([2, 1 << 16])('first window %i: top 4, at most 2 per region; the best site of each region shortlisted', async (window) => {
    // by rank: 0 (region 0), 1 (region 1), 2 (region 0, its second), 3 fails, 4 (region 0 full), 5 (region 1): 4 kept
    expect(await keepSites(db, { scenario, shortlist: { top: 1, group: 'region' }, window })).toEqual({ kept: 4, shortlisted: 2 });
    expect(await positions('kept')).toEqual([0, 1, 2, 5]);
    expect(await positions('shortlisted')).toEqual([0, 1]);
  });

  it('without a shortlist stops once keeping is done, in the first window', async () => {
    expect(await keepSites(db, { scenario, window: 8 })).toEqual({ kept: 4, shortlisted: 0 });
    expect(await positions('kept')).toEqual([0, 1, 2, 5]);
  });
});
