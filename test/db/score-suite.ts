/**
 * One scoring suite, run unchanged on DuckDB-WASM in Node, native DuckDB (score-suite.test.ts) and
 * DuckDB-WASM in Chromium (test/browser-pages/db-suite.ts): six sites, two criteria, each case's
 * scores and ranks worked out by hand below. Every engine must give the same doubles.
 *
 *   site  demand  rent   demand min-max   rent (lower) min-max
 *   s1    100     50     0                (−50+60)/30 = 1/3
 *   s2    300     40     (300−100)/400=½  2/3
 *   s3    200     60     ¼                0
 *   s4    500     40     1                2/3
 *   s5    —       30     0 (missing)      1
 *   s6    300     —      ½                0 (missing)
 */
import type { LayerColumn } from '../../src/db/layer-table.ts';
import type { Database, Row } from '../../src/db/database.ts';
import type { ScoreTerm } from '../../src/db/score-sql.ts';
import { scoreTable } from '../../src/db/score-table.ts';

export const SCORE_SITES: LayerColumn[] = [
  { name: 'pos', kind: 'double', values: Float64Array.of(0, 1, 2, 3, 4, 5) },
  { name: 'id', kind: 'text', values: ['s1', 's2', 's3', 's4', 's5', 's6'] },
  { name: 'demand', kind: 'double', values: Float64Array.of(100, 300, 200, 500, NaN, 300) },
  { name: 'rent', kind: 'double', values: Float64Array.of(50, 40, 60, 40, 30, NaN) },
];

export interface ScoreCase {
  name: string;
  terms: ScoreTerm[];
  combine: 'sum' | 'geometric';
  /** Per site s1…s6: the score (0–100) and the rank. */
  expected: { score: number[]; rank: number[] };
}

const demand = (normalise: ScoreTerm['normalise'], weight = 1, direction: ScoreTerm['direction'] = 'higher'): ScoreTerm => ({ column: 'demand', weight, normalise, direction });
const rent = (weight = 1): ScoreTerm => ({ column: 'rent', weight, normalise: 'minmax', direction: 'lower' });

export const SCORE_CASES: ScoreCase[] = [
  {
    // weights 3 : 1 → 0.75, 0.25; score = 75·demand + 25·rent
    name: 'min-max, weighted sum',
    terms: [demand('minmax', 3), rent(1)],
    combine: 'sum',
    expected: {
      score: [25 / 3, 37.5 + 50 / 3, 18.75, 75 + 50 / 3, 25, 37.5],
      rank: [6, 2, 5, 1, 4, 3],
    },
  },
  {
    // finite 100, 200, 300, 300, 500: percentile (rank − 1 + (ties − 1)/2) / 4; the tie s2 = s6 goes by id, as does s1 = s5 (0)
    name: 'percentile with ties, ranked by id',
    terms: [demand('percentile')],
    combine: 'sum',
    expected: { score: [0, 62.5, 25, 100, 0, 62.5], rank: [5, 2, 4, 1, 6, 3] },
  },
  {
    // toward 300: goodness −200, 0, −100, −200, missing, 0 → dense ranks 0, 1, ½ of 3 distinct values
    name: 'rank toward a target',
    terms: [demand('rank', 1, { target: 300 })],
    combine: 'sum',
    expected: { score: [0, 100, 50, 0, 0, 100], rank: [4, 1, 3, 5, 6, 2] },
  },
  {
    // 100 · demand^½ · rent^½: a zero in either gives 0
    name: 'weighted geometric mean',
    terms: [demand('minmax'), rent()],
    combine: 'geometric',
    expected: { score: [0, 100 * Math.sqrt(1 / 3), 0, 100 * Math.sqrt(2 / 3), 0, 0], rank: [3, 2, 4, 1, 5, 6] },
  },
];

export type ScoreOutcome = { name: string; rows: Row[] } | { name: string; error: string };

/** Loads the sites into `db` and scores every case: rows (id, score, rank) in id order, or the error. */
export async function runScoreSuite(db: Database): Promise<ScoreOutcome[]> {
  await db.insertColumns('score_sites', SCORE_SITES);
  const outcomes: ScoreOutcome[] = [];
  for (const c of SCORE_CASES) {
    try {
      await scoreTable(db, 'score_sites', c.terms, c.combine);
      outcomes.push({ name: c.name, rows: await db.query('SELECT s.id, c.score, c.rank FROM scored c JOIN score_sites s USING (pos) ORDER BY s.id') });
    } catch (error) {
      outcomes.push({ name: c.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
