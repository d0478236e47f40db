/**
 * One scoring suite, run unchanged on DuckDB-WASM in Node, native DuckDB (score-suite.test.ts) and
 * DuckDB-WASM in Chromium (test/browser-pages/db-suite.ts): six sites, two criteria, each case's
 * scores, ranks and kept units worked out by hand below; then a whole funnel of three regions, six
 * districts and six sites (handFunnel, worked out by hand in score-suite.test.ts). Every engine must
 * give the same doubles.
 *
 *   site  demand  rent   demand min-max   rent (lower) min-max
 *   s1    100     50     0                (−50+60)/30 = 1/3
 *   s2    300     40     (300−100)/400=½  2/3
 *   s3    200     60     ¼                0
 *   s4    500     40     1                2/3
 *   s5    —       30     0 (missing)      1
 *   s6    300     —      ½                0 (missing)
 */
import type { LoadedBundle } from '../../src/data/layer.ts';
import type { LayerColumn } from '../../src/db/layer-table.ts';
import type { Database } from '../../src/db/database.ts';
import type { KeepSqlRule, ScoreTerm } from '../../src/db/score-sql.ts';
import { scoreTable } from '../../src/db/score-table.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import type { FunnelResult, LevelResult } from '../../src/score/types.ts';
import { pointLayer, squares } from '../criteria/fixture.ts';

export const SCORE_SITES: LayerColumn[] = [
  { name: 'pos', kind: 'double', values: Float64Array.of(0, 1, 2, 3, 4, 5) },
  { name: 'id', kind: 'text', values: ['s1', 's2', 's3', 's4', 's5', 's6'] },
  { name: 'demand', kind: 'double', values: Float64Array.of(100, 300, 200, 500, NaN, 300) },
  { name: 'rent', kind: 'double', values: Float64Array.of(50, 40, 60, 40, 30, NaN) },
  // for the keep rules: s2 may not be kept; s4, s6 share region 1, s3, s5 region 2
  { name: 'open', kind: 'double', values: Float64Array.of(1, 0, 1, 1, 1, 1) },
  { name: 'region', kind: 'double', values: Float64Array.of(0, 0, 2, 1, 2, 1) },
];

export interface ScoreCase {
  name: string;
  terms: ScoreTerm[];
  combine: 'sum' | 'geometric';
  keep?: KeepSqlRule;
  /** Per site s1…s6: the score (0–100), the rank and (with a keep rule) 1 where kept. */
  expected: { score: number[]; rank: number[]; kept?: number[] };
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
    // the first case's ranking s4 s2 s6 s5 s3 s1, kept best first: s4 (region 1); s2 is not open;
    // s6 is region 1's second (quota 1); s5 (region 2) is the second kept: top 2 reached
    name: 'top 2, at most 1 per region, eligible only',
    terms: [demand('minmax', 3), rent(1)],
    combine: 'sum',
    keep: { topK: 2, minScore: 10, eligible: 'open', perGroup: { limit: 1, group: 'region' } },
    expected: {
      score: [25 / 3, 37.5 + 50 / 3, 18.75, 75 + 50 / 3, 25, 37.5],
      rank: [6, 2, 5, 1, 4, 3],
      kept: [0, 0, 0, 1, 1, 0],
    },
  },
  {
    // the second case's scores; a minimum of 50 keeps s4, s2 and s6 and ends the list at s3 (25)
    name: 'a minimum score alone',
    terms: [demand('percentile')],
    combine: 'sum',
    keep: { minScore: 50 },
    expected: { score: [0, 62.5, 25, 100, 0, 62.5], rank: [5, 2, 4, 1, 6, 3], kept: [0, 1, 0, 1, 0, 1] },
  },
  {
    // 100 · demand^½ · rent^½: a zero in either gives 0
    name: 'weighted geometric mean',
    terms: [demand('minmax'), rent()],
    combine: 'geometric',
    expected: { score: [0, 100 * Math.sqrt(1 / 3), 0, 100 * Math.sqrt(2 / 3), 0, 0], rank: [3, 2, 4, 1, 5, 6] },
  },
];

/** A case's scores, ranks, kept flags and per-term points (pos order), or its error. */
export type ScoreOutcome = { name: string; score: number[]; rank: number[]; kept: number[]; points: number[][] } | { name: string; error: string };

/** Loads the sites into `db` and scores every case. */
export async function runScoreSuite(db: Database): Promise<ScoreOutcome[]> {
  await db.insertColumns('score_sites', SCORE_SITES);
  const outcomes: ScoreOutcome[] = [];
  for (const c of SCORE_CASES) {
    try {
      const scored = await scoreTable(db, 'score_sites', 6, c.terms, c.combine, c.keep);
      outcomes.push({ name: c.name, score: Array.from(scored.score), rank: Array.from(scored.rank), kept: Array.from(scored.kept), points: scored.points.map((p) => Array.from(p)) });
    } catch (error) {
      outcomes.push({ name: c.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}

/*
 * The hand-worked funnel: three regions on the equator, two districts each, candidates in four of
 * them; two attribute criteria read from the regions', districts' and sites' own columns, so every
 * value below can be checked by hand (score-suite.test.ts works them out).
 *   region R1 (x 0–4 km): D1, D2    R2 (4–8 km): D3, D4    R3 (8–12 km): D5, D6
 */
export function handBundle(): LoadedBundle {
  const km = (a: number, b: number): number[] => [a * 1000, 0, b * 1000, 2000];
  const regions = squares('regions', [['R1', km(0, 4)], ['R2', km(4, 8)], ['R3', km(8, 12)]], { footfall: [30, 10, 20], rent: [50, 20, 50] });
  const districts = squares('districts', [['D1', km(0, 2)], ['D2', km(2, 4)], ['D3', km(4, 6)], ['D4', km(6, 8)], ['D5', km(8, 10)], ['D6', km(10, 12)]],
    { footfall: [8, 4, 9, 9, 8, 6], rent: [30, 10, 5, 5, 20, 20] });
  districts.text.region = ['R1', 'R1', 'R2', 'R2', 'R3', 'R3'];
  const site = (id: string, x: number, footfall: number, rent: number) => ({ id, x, y: 1000, numeric: { footfall, rent } });
  const candidates = pointLayer('candidates', [
    site('s1', 500, 100, 40), site('s2', 1500, 300, 20), site('s3', 8500, 300, 20),
    site('s4', 10500, 200, 60), site('s5', 11500, 500, 40), site('s9', 3000, 999, 1),
  ]);
  return { name: 'hand', synthetic: true, regions, districts, candidates, reports: [] };
}

export const HAND_SCENARIO = {
  version: 1,
  name: 'hand',
  criteria: [
    { id: 'footfall', kind: 'attribute', column: 'footfall', areaColumn: 'footfall', weight: 3, normalise: 'minmax', direction: 'higher' },
    { id: 'rent', kind: 'attribute', column: 'rent', areaColumn: 'rent', weight: 1, normalise: 'rank', direction: 'lower' },
  ],
  funnel: { regions: { topK: 2 }, districts: { topK: 3 }, sites: { topK: 3 } },
  constraints: { topNPerRegion: 1 },
};

/** A level as plain values: ids, score, rank, kept and per criterion its normalised values and points. */
export interface LevelDigest {
  ids: string[];
  score: number[];
  rank: number[];
  kept: number[];
  criteria: { name: string; raw: number[]; normalised: number[]; points: number[] }[];
}

export function levelDigest(level: LevelResult): LevelDigest {
  return {
    ids: [...level.ids], score: Array.from(level.score), rank: Array.from(level.rank), kept: Array.from(level.kept),
    criteria: level.criteria.map((c) => ({ name: c.name, raw: Array.from(c.raw), normalised: Array.from(c.normalised), points: Array.from(c.contribution) })),
  };
}

export function funnelDigest(f: FunnelResult): { regions: LevelDigest; districts: LevelDigest; sites: LevelDigest } {
  return { regions: levelDigest(f.regions), districts: levelDigest(f.districts), sites: levelDigest(f.sites) };
}

/** The sample city's funnel (its bundle and scenario JSON) scored in `db`. */
export async function sampleFunnel(bundle: LoadedBundle, scenario: unknown, db: Database): Promise<ReturnType<typeof funnelDigest>> {
  return funnelDigest(await runFunnel(bundle, parseScenario(scenario, 'scenario.json'), { database: db }));
}

/** The hand-worked funnel scored in `db`. */
export async function runHandFunnel(db: Database): Promise<ReturnType<typeof funnelDigest>> {
  return funnelDigest(await runFunnel(handBundle(), parseScenario(HAND_SCENARIO), { database: db }));
}
