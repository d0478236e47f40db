/**
 * The analysts' SQL session over the sample city: the layers are tables whose counts and sums equal
 * the loaded layers', bound values filter like the same filter in JS, a scored level joins back to
 * its candidates, and the Arrow form holds the same rows.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedBundle } from '../../src/data/layer.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { openSql, type SqlSession } from '../../src/node/sql-session.ts';
import type { LevelResult } from '../../src/score/types.ts';

const sample = join(new URL('../../', import.meta.url).pathname, 'data', 'sample');
let bundle: LoadedBundle;
let db: SqlSession;
beforeAll(async () => {
  bundle = await loadBundleDir(sample);
  db = await openSql(bundle);
}, 60_000);
afterAll(() => db?.close());

describe('openSql', () => {
  it('holds every layer as a table with the same counts and sums', async () => {
    const [row] = await db.sql`SELECT count(*) AS n, sum(population) AS people FROM demand`;
    const population = bundle.demand!.numeric.population;
    expect(row).toEqual({ n: population.length, people: population.reduce((s, v) => s + (Number.isNaN(v) ? 0 : v), 0) });
    expect(await db.query('SELECT count(*) AS n FROM candidates')).toEqual([{ n: bundle.candidates!.ids.length }]);
  });

  it('binds interpolated values as parameters', async () => {
    const rent = bundle.candidates!.numeric.rent;
    const [row] = await db.sql`SELECT count(*) AS n FROM candidates WHERE rent < ${30000}`;
    expect(row.n).toBe(rent.filter((v) => v < 30000).length);
    // a value is never SQL text: this is a string compared to ids, not a clause
    expect(await db.sql`SELECT count(*) AS n FROM candidates WHERE id = ${"x' OR '1'='1"}`).toEqual([{ n: 0 }]);
  });

  it('adds a scored level that joins back to its layer, and gives Arrow tables', async () => {
    const level: LevelResult = {
      level: 'site', ids: ['C0001', 'C0002'], names: ['a', 'b'], parent: Int32Array.of(-1, -1), score: Float64Array.of(40, 60),
      rank: Int32Array.of(2, 1), kept: Uint8Array.of(0, 1), criteria: [
        { name: 'demand', label: 'Demand', weight: 1, raw: Float64Array.of(10, 20), normalised: Float64Array.of(0.4, 0.6), contribution: Float64Array.of(40, 60) },
      ],
    };
    await db.addLevel('scored', level);
    const rows = await db.query('SELECT s.id, s.rank, s.kept, s.demand_points, c.rent FROM scored s JOIN candidates c USING (id) ORDER BY s.rank');
    const rent = (id: string) => bundle.candidates!.numeric.rent[bundle.candidates!.ids.indexOf(id)];
    expect(rows).toEqual([
      { id: 'C0002', rank: 1, kept: true, demand_points: 60, rent: rent('C0002') },
      { id: 'C0001', rank: 2, kept: false, demand_points: 40, rent: rent('C0001') },
    ]);
    const table = await db.arrow('SELECT id, score FROM scored ORDER BY rank');
    expect(table.numRows).toBe(2);
    expect(table.getChild('id')?.toArray()).toEqual(['C0002', 'C0001']);
    expect(Array.from(table.getChild('score')?.toArray() ?? [])).toEqual([60, 40]);
  });
});
