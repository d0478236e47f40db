/**
 * The scoring suite (score-suite.ts) on DuckDB-WASM in Node and on native DuckDB: scores and ranks
 * equal the hand-worked ones, the two engines give identical doubles, and both equal the page's JS
 * scoring (src/score/build-level.ts) that the SQL mirrors. Chromium runs the same suite in
 * browser-vs-node.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/node/duckdb.ts';
import { openNativeDatabase } from '../../src/node/duckdb-native.ts';
import { buildLevel } from '../../src/score/build-level.ts';
import { SCORE_CASES, SCORE_SITES, runScoreSuite, type ScoreCase, type ScoreOutcome } from './score-suite.ts';

let wasm: ScoreOutcome[];
let native: ScoreOutcome[];

beforeAll(async () => {
  const a = await openNodeDatabase();
  wasm = await runScoreSuite(a).finally(() => a.close());
  const b = await openNativeDatabase();
  native = await runScoreSuite(b).finally(() => b.close());
}, 60_000);

/** The JS core's scores and ranks for a case (what the page computes). */
function jsLevel(c: ScoreCase): { score: number[]; rank: number[] } {
  const column = (name: string) => SCORE_SITES.find((s) => s.name === name)!.values as Float64Array;
  const ids = SCORE_SITES[1].values as string[];
  const level = buildLevel({
    level: 'site', ids, names: ids, parent: new Int32Array(ids.length).fill(-1), combine: c.combine, keepRule: {},
    criteria: c.terms.map((t) => ({ name: t.column, label: t.column, weight: t.weight, raw: column(t.column), normalise: t.normalise!, direction: t.direction! })),
  });
  return { score: Array.from(level.score), rank: Array.from(level.rank) };
}

const rowsOf = (o: ScoreOutcome) => ('rows' in o ? o.rows : o.error);

describe.each(SCORE_CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
  const c = SCORE_CASES[i];
  it('gives the hand-worked scores and ranks on DuckDB-WASM in Node', () => {
    const rows = rowsOf(wasm[i]);
    expect(Array.isArray(rows), String(rows)).toBe(true);
    const got = rows as { id: string; score: number; rank: number }[];
    expect(got.map((r) => r.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    got.forEach((r, k) => expect(r.score, r.id).toBeCloseTo(c.expected.score[k], 10));
    expect(got.map((r) => r.rank)).toEqual(c.expected.rank);
  });

  it('gives identical rows on native DuckDB', () => {
    expect(rowsOf(native[i])).toEqual(rowsOf(wasm[i]));
  });

  it('equals the JS scoring the page runs, to the last bit', () => {
    const js = jsLevel(c);
    const rows = rowsOf(native[i]) as { score: number; rank: number }[];
    expect(rows.map((r) => r.score)).toEqual(js.score);
    expect(rows.map((r) => r.rank)).toEqual(js.rank);
  });
});
