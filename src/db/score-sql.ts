/**
 * Scoring as SQL text, written once for native DuckDB and DuckDB-WASM: a criterion's direction,
 * its normalisation over every unit of a table (DESIGN §3), the weighted combination with each
 * criterion's points, the rank with deterministic ties (score desc, then id, then position) and
 * the keep rule's top K, per-group quota and minimum score. This is the one place scores are made:
 * the funnel's levels (src/score/score-level.ts), batch `score` and the page all run it. Only
 * re-weighting already normalised columns stays in JS typed arrays (src/score/rerank.ts says why).
 * Statistics (range, mean, spread, counts) are read first and enter as literals.
 *
 * Direction turns a raw value into goodness (higher is better): lower → −x; toward a target t →
 * −|x − t|; inside a range [a, b] → −(distance outside it). Normalisation maps goodness to 0–1,
 * 1 best; non-finite goodness never enters the statistics: +∞ is best (1), −∞ and missing worst (0).
 */
import type { Direction, Normalisation } from '../scenario/criterion-spec.ts';
import { rescaleWeights } from '../score/combine.ts';
import type { Row } from './database.ts';
import { quoteIdentifier } from './sql.ts';

/** A double as SQL: exponent form round-trips and is parsed as DOUBLE (never DECIMAL). */
export function doubleSql(v: number): string {
  if (Number.isNaN(v)) return `'nan'::DOUBLE`;
  if (!Number.isFinite(v)) return v > 0 ? `'inf'::DOUBLE` : `'-inf'::DOUBLE`;
  return `(${v.toExponential()})`;
}

/** Goodness (higher is better) of a raw column after its direction; NULL (missing) stays NULL, except inside a range: 0, the best (a missing value is not outside it). */
export function goodnessSql(raw: string, direction: Direction): string {
  if (direction === 'higher') return raw;
  if (direction === 'lower') return `(-${raw})`;
  if ('target' in direction) return `(-abs(${raw} - ${doubleSql(direction.target)}))`;
  const [low, high] = direction.range.map(doubleSql);
  return `(CASE WHEN ${raw} < ${low} THEN ${raw} - ${low} WHEN ${raw} > ${high} THEN ${high} - ${raw} ELSE ${doubleSql(0)} END)`;
}

/** Finite count, sum, then squared deviations from the mean, added in unit order (the z-score's). */
interface Moments {
  n: number;
  sum: number;
  squares: number;
}

function addSum(g: Float64Array, m: Moments): Moments {
  for (const v of g) {
    if (!Number.isFinite(v)) continue;
    m.n++;
    m.sum += v;
  }
  return m;
}

function meanOf(m: Moments): number {
  return m.n > 0 ? m.sum / m.n : 0;
}

function addSquares(g: Float64Array, m: Moments): Moments {
  const mean = meanOf(m);
  for (const v of g) if (Number.isFinite(v)) m.squares += (v - mean) ** 2;
  return m;
}

/** What a normalisation needs from every unit, read by statsSql. */
export interface GoodnessStats {
  /** Finite values. */
  n: number;
  min: number;
  max: number;
  /** Mean and the sum of squared deviations from it (zscore only). */
  mean: number;
  squares: number;
  distinct: number;
}

const finite = (g: string): string => `isfinite(${g})`;

/** One row: n, min, max and distinct count of the finite goodness (the z-score's sums are added in site order, in JS). */
export function statsSql(table: string, goodness: string): string {
  return `SELECT ${countsSql(goodness, '')} FROM ${quoteIdentifier(table)}`;
}

/** statsSql for several goodness expressions in one scan: columns n{k}, min{k}, max{k}, distinct{k} (countsOf reads them). */
export function manyStatsSql(table: string, goodness: readonly string[]): string {
  return `SELECT ${goodness.map((g, k) => countsSql(g, String(k))).join(', ')} FROM ${quoteIdentifier(table)}`;
}

/** Term k's counts from manyStatsSql's row, named as statsSql names them. */
export function countsOf(row: Row, k: number): Row {
  return { n: row[`n${k}`], min: row[`min${k}`], max: row[`max${k}`], distinct: row[`distinct${k}`] };
}

function countsSql(g: string, suffix: string): string {
  const f = finite(g);
  return `count(*) FILTER (WHERE ${f}) AS n${suffix}, min(${g}) FILTER (WHERE ${f}) AS min${suffix}, max(${g}) FILTER (WHERE ${f}) AS max${suffix},
    count(DISTINCT ${g}) FILTER (WHERE ${f}) AS distinct${suffix}`;
}

/** Φ(z) through the complementary error function (Numerical Recipes erfc, |error| < 1.2e-7). */
function normalCdfSql(z: string): string {
  const x = `(abs(${z}) / sqrt(${doubleSql(2)}))`;
  const t = `(${doubleSql(1)} / (${doubleSql(1)} + ${doubleSql(0.5)} * ${x}))`;
  const c = [1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
  let poly = doubleSql(c[c.length - 1]);
  for (let k = c.length - 2; k >= 0; k--) poly = `(${doubleSql(c[k])} + ${t} * ${poly})`;
  const erfc = `(${t} * exp(-${x} * ${x} - ${doubleSql(1.26551223)} + ${t} * ${poly}))`;
  return `(CASE WHEN ${z} >= 0 THEN ${doubleSql(1)} - ${erfc} / 2 ELSE ${erfc} / 2 END)`;
}

/**
 * The 0–1 value of `goodness` (1 best): +∞ is 1, −∞ and missing 0; `none` keeps the goodness
 * (missing as 0). Percentile and rank are window functions over the finite units.
 */
export function normalisedSql(goodness: string, method: Normalisation, s: GoodnessStats): string {
  const g = goodness;
  if (method === 'none') return `coalesce(CASE WHEN isnan(${g}) THEN ${doubleSql(0)} ELSE ${g} END, ${doubleSql(0)})`;
  let value: string;
  if (method === 'minmax') {
    const span = s.max - s.min;
    value = span > 0 ? `(${g} - ${doubleSql(s.min)}) / ${doubleSql(span)}` : doubleSql(1);
  } else if (method === 'zscore') {
    const sd = s.n > 1 ? Math.sqrt(s.squares / (s.n - 1)) : 0;
    value = sd > 0 ? normalCdfSql(`((${g} - ${doubleSql(s.mean)}) / ${doubleSql(sd)})`) : doubleSql(0.5);
  } else {
    const order = `OVER (PARTITION BY ${finite(g)} ORDER BY ${g})`;
    if (method === 'rank') value = s.distinct > 1 ? `(dense_rank() ${order} - 1) / ${doubleSql(s.distinct - 1)}` : doubleSql(1);
    else value = s.n > 1 ? `((rank() ${order} - 1) + (count(*) OVER (PARTITION BY ${finite(g)}, ${g}) - 1) / 2) / ${doubleSql(s.n - 1)}` : doubleSql(1);
  }
  return `(CASE WHEN ${finite(g)} THEN ${value} WHEN ${g} = 'inf'::DOUBLE THEN ${doubleSql(1)} ELSE ${doubleSql(0)} END)`;
}

/** A context term's 0–1 value: the parent's score / 100, no parent 0. */
export function contextNormalisedSql(raw: string): string {
  return `(CASE WHEN ${finite(raw)} THEN ${raw} / ${doubleSql(100)} ELSE ${doubleSql(0)} END)`;
}

/** Score and per-criterion points over normalised columns `n` with weights already rescaled to sum 1 (combine.ts). */
export function combineSql(n: string[], w: ArrayLike<number>, combine: 'sum' | 'geometric'): { score: string; points: string[] } {
  if (combine === 'sum') {
    const used = n.flatMap((col, k) => (w[k] !== 0 ? [`${doubleSql(100 * w[k])} * ${col}`] : []));
    // as weightedSum: three terms a pass, then one at a time
    let score = doubleSql(0);
    let k = 0;
    for (; k + 3 <= used.length; k += 3) score = `(${score} + ((${used[k]} + ${used[k + 1]}) + ${used[k + 2]}))`;
    for (; k < used.length; k++) score = `(${score} + ${used[k]})`;
    return { score, points: n.map((col, k) => (w[k] === 0 ? doubleSql(0) : `(${doubleSql(100 * w[k])} * ${col})`)) };
  }
  let product = doubleSql(1);
  n.forEach((col, k) => {
    if (w[k] !== 0) product = `(${product} * pow(greatest(${col}, ${doubleSql(0)}), ${doubleSql(w[k])}))`;
  });
  const score = `(${product} * ${doubleSql(100)})`;
  let share = doubleSql(0);
  n.forEach((col, k) => (share = `(${share} + ${doubleSql(w[k])} * ${col})`));
  const points = n.map((col, k) => (w[k] === 0 ? doubleSql(0)
    : `(CASE WHEN ${share} > 0 THEN (score * ${doubleSql(w[k])} * ${col}) / ${share} ELSE ${doubleSql(0)} END)`));
  return { score, points };
}

/** The rank's order: score desc (NaN last, as −∞), then id, then file position — rank.ts's ties. */
export function rankOrderSql(score: string, id: string, position: string): string {
  return `CASE WHEN isnan(${score}) THEN '-inf'::DOUBLE ELSE ${score} END DESC, ${id}, ${position}`;
}

/**
 * A value as the CSV prints it (format/number.ts formatOutputNumber), as a number: 4 decimals from 1 up,
 * 6 significant digits below 1. For Parquet output, so both formats hold the same values.
 */
export function printedValueSql(v: string): string {
  return `(CASE WHEN NOT isfinite(${v}) THEN NULL WHEN abs(${v}) >= 1 OR ${v} = 0 THEN round(${v}, 4)
    ELSE round(${v}, (5 - floor(log10(abs(${v}))))::INTEGER) END)`;
}

/** A scored term of a table: a criterion's raw column with its direction and normalisation, or a context term (neither: the parent's score). */
export interface ScoreTerm {
  column: string;
  weight: number;
  normalise?: Normalisation;
  direction?: Direction;
}

/**
 * What a normalisation needs from table `table` (columns `pos` and the goodness): counts and range
 * by statsSql and, for the z-score, the sum and squared deviations added in `pos` order — `column` gives
 * the goodness in that order, in parts, so a long table is never held at once.
 */
export async function goodnessStats(
  query: (sql: string) => Promise<Row[]>,
  column: (sql: string) => AsyncIterable<Float64Array>,
  table: string,
  goodness: string,
  method: Normalisation,
  /** statsSql's row when already read (countsOf a manyStatsSql row), else it is queried. */
  counts?: Row,
): Promise<GoodnessStats> {
  if (method === 'none') return { n: 0, min: NaN, max: NaN, mean: NaN, squares: NaN, distinct: 0 };
  const row = counts ?? (await query(statsSql(table, goodness)))[0];
  const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);
  const s: GoodnessStats = { n: num(row.n), min: num(row.min), max: num(row.max), mean: 0, squares: 0, distinct: num(row.distinct) };
  if (method === 'zscore' && s.n > 0) {
    // Added in row order, one double at a time: the same mean and spread on every engine, to the last bit.
    const m: Moments = { n: 0, sum: 0, squares: 0 };
    const ordered = `SELECT ${goodness} FROM ${quoteIdentifier(table)} ORDER BY pos`;
    for await (const part of column(ordered)) addSum(part, m);
    for await (const part of column(ordered)) addSquares(part, m);
    s.mean = meanOf(m);
    s.squares = m.squares;
  }
  return s;
}

/** Each term's 0–1 expression over `table`, its statistics read through `stats`. */
export async function normalisedTermsSql(terms: readonly ScoreTerm[], stats: (goodness: string, method: Normalisation) => Promise<GoodnessStats>): Promise<string[]> {
  const normalised: string[] = [];
  for (const t of terms) {
    if (t.normalise === undefined || t.direction === undefined) {
      normalised.push(contextNormalisedSql(t.column));
      continue;
    }
    const g = goodnessSql(t.column, t.direction);
    normalised.push(normalisedSql(g, t.normalise, await stats(g, t.normalise)));
  }
  return normalised;
}

/**
 * Table `scored` from `source` (columns pos, id and those the expressions read): pos, n{k} (0–1),
 * score, p{k} (points), rank and rank_in_group (1, 2, 3 … down each value of `group`, by rank).
 */
export function scoredTableSql(source: string, normalised: readonly string[], weights: readonly number[], combine: 'sum' | 'geometric', group: string): string {
  return `CREATE OR REPLACE TABLE scored AS ${scoredSelectSql(source, normalised, weights, combine, group)}`;
}

/** The rows of scoredTableSql's table, as a query; without a `group`, no rank_in_group (each window costs a sort). */
export function scoredSelectSql(source: string, normalised: readonly string[], weights: readonly number[], combine: 'sum' | 'geometric', group: string | null): string {
  const n = normalised.map((_, k) => `n${k}`);
  const { score, points } = combineSql(n, rescaleWeights([...weights]), combine);
  // The windows sort only what they carry: a narrow projection of the rows, never their attributes.
  const order = rankOrderSql('score', 'id', 'pos');
  return `WITH norm AS (SELECT pos, id${group === null ? '' : `, ${group} AS grp`}${normalised.map((e, k) => `, ${e} AS n${k}`).join('')} FROM ${quoteIdentifier(source)}),
    comb AS (SELECT *, ${score} AS score FROM norm)
    SELECT pos${n.map((c) => `, ${c}`).join('')}, score${points.map((e, k) => `, ${e} AS p${k}`).join('')},
      (row_number() OVER (ORDER BY ${order}))::INTEGER AS rank${group === null ? '' : `,
      (row_number() OVER (PARTITION BY grp ORDER BY ${order}))::INTEGER AS rank_in_group`}
    FROM comb`;
}

/** A level's keep rule as SQL can apply it: every part but the minimum spacing (keep.ts, in JS). */
export interface KeepSqlRule {
  topK?: number;
  minScore?: number;
  /** A column of `source`, 1 where the unit may be kept (constraints that do not depend on the ranking). */
  eligible?: string;
  /** At most `limit` kept per value of column `group` of `source` (e.g. the site's region). */
  perGroup?: { limit: number; group: string };
}

/**
 * `scored` (pos, score, rank) with `kept`: best first, the units that pass the minimum score and
 * are eligible, at most `perGroup.limit` of them per group, the first `topK` of those — what
 * keep.ts decideKept gives when there is no minimum spacing. A score below the minimum ends the
 * list (scores fall down the ranking, NaN last), so every unit after it fails too: without
 * eligibility or quotas the units that pass are a prefix of the ranking, and the top K is rank ≤ K
 * (no further window, each of which costs a sort).
 */
export function keptSql(scored: string, source: string, rule: KeepSqlRule): string {
  const minimum = rule.minScore !== undefined ? `(NOT isnan(s.score) AND s.score >= ${doubleSql(rule.minScore)})` : 'TRUE';
  const topK = rule.topK !== undefined && Number.isFinite(rule.topK) ? Math.floor(rule.topK) : undefined;
  if (rule.eligible === undefined && rule.perGroup === undefined) {
    return `WITH s AS (${scored}) SELECT s.*, ${minimum}${topK !== undefined ? ` AND s.rank <= ${topK}` : ''} AS kept FROM s`;
  }
  const eligible = rule.eligible !== undefined ? `coalesce(u.${quoteIdentifier(rule.eligible)} = 1, FALSE)` : 'TRUE';
  const group = rule.perGroup ? `u.${quoteIdentifier(rule.perGroup.group)}` : '0';
  const quota = rule.perGroup && Number.isFinite(rule.perGroup.limit) ? `(row_number() OVER (PARTITION BY ok, keep_grp ORDER BY rank) <= ${Math.floor(rule.perGroup.limit)})` : 'TRUE';
  const top = topK !== undefined ? `(row_number() OVER (PARTITION BY q ORDER BY rank) <= ${topK})` : 'TRUE';
  return `WITH s AS (${scored}),
    okay AS (SELECT s.*, ${minimum} AND ${eligible} AS ok, ${group} AS keep_grp FROM s JOIN ${quoteIdentifier(source)} u USING (pos)),
    quota AS (SELECT *, ok AND ${quota} AS q FROM okay)
    SELECT *, q AND ${top} AS kept FROM quota`;
}
