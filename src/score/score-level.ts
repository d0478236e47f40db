/**
 * Turns raw criterion columns into a scored, ranked, explained level in the caller's DuckDB: the
 * units go in as a table, and SQL (src/db/score-sql.ts, the one scoring path of the funnel, the CLI
 * and the page) applies each criterion's direction and normalisation, combines the 0–1 values with
 * the weights into the score and each criterion's points, ranks (score desc, then id, then
 * position) and keeps the top K, at most N per group, above the minimum score. Raw values,
 * normalised values and points are read back, so every score stays explained.
 *
 * A minimum spacing between kept sites is the one part decided in JS (keep.ts decideKept), over the
 * order SQL ranked: whether a site is kept depends on which sites above it were kept, a greedy
 * walk down the ranking that a window function cannot express.
 */
import type { Database } from '../db/database.ts';
import type { KeepSqlRule, ScoreTerm } from '../db/score-sql.ts';
import { scoreTable, type ScoredColumns } from '../db/score-table.ts';
import type { LayerColumn } from '../db/layer-table.ts';
import type { Direction, Normalisation } from '../scenario/criterion-spec.ts';
import type { Combine } from './combine.ts';
import { decideKept } from './keep.ts';
import type { Exclusion } from './not-kept.ts';
import { rankOrder } from './rank-order.ts';
import type { CriterionColumn, KeepRule, LevelResult } from './types.ts';

export interface RawCriterion {
  name: string;
  label: string;
  weight: number;
  raw: Float64Array;
  normalise: Normalisation;
  direction: Direction;
}

/** A context term (a parent level's score, 0–100) enters as score / 100; no parent → 0. */
export interface ContextTerm {
  name: string;
  label: string;
  weight: number;
  raw: Float64Array;
}

export interface LevelInput {
  level: LevelResult['level'];
  ids: string[];
  names: string[];
  lon?: Float64Array;
  lat?: Float64Array;
  parent: Int32Array;
  criteria: RawCriterion[];
  context?: ContextTerm[];
  combine: Combine;
  keepRule: KeepRule;
  excludedBy?: string[];
  exclusions?: (Exclusion | null)[];
}

/** Each call has its own table: runs in the page's worker may overlap in its one DuckDB. */
let tables = 0;

export async function scoreLevel(db: Database, input: LevelInput): Promise<LevelResult> {
  const n = input.ids.length;
  const raws: (RawCriterion | ContextTerm)[] = [...input.criteria, ...(input.context ?? [])];
  // a context term has neither direction nor normalisation: it enters as the parent's score / 100
  const terms: ScoreTerm[] = raws.map((c, k) => ({ column: `t${k}`, weight: c.weight, ...(isCriterion(c) ? { normalise: c.normalise, direction: c.direction } : {}) }));
  const rule = input.keepRule;
  const spacing = rule.minSpacing !== undefined && rule.minSpacing > 0 && input.lon !== undefined && input.lat !== undefined;
  const keep: KeepSqlRule = {
    ...(rule.topK !== undefined ? { topK: rule.topK } : {}),
    ...(rule.minScore !== undefined ? { minScore: rule.minScore } : {}),
    ...(rule.eligible ? { eligible: 'eligible' } : {}),
    ...(rule.perGroup ? { perGroup: { limit: rule.perGroup.limit, group: 'keep_group' } } : {}),
  };
  // with a minimum spacing SQL only ranks: the whole keep rule is walked in JS below
  const scored = n === 0 ? noUnits(terms.length) : await inTable(db, unitColumns(input, raws, !spacing), (table) => scoreTable(db, table, n, terms, input.combine, spacing ? undefined : keep));
  const criteria = raws.map((c, k): CriterionColumn => {
    const column: CriterionColumn = { name: c.name, label: c.label, weight: c.weight, raw: c.raw, normalised: scored.normalised[k], contribution: scored.points[k] };
    if (isCriterion(c)) {
      column.normalise = c.normalise;
      column.direction = c.direction;
    }
    return column;
  });
  const kept = spacing ? decideKept(rankOrder(scored), scored.score, rule, input.lon, input.lat) : scored.kept;
  const result: LevelResult = {
    level: input.level, ids: input.ids, names: input.names, parent: input.parent,
    score: scored.score, rank: scored.rank, kept, criteria, combine: input.combine, keepRule: rule,
  };
  if (input.lon && input.lat) {
    result.lon = input.lon;
    result.lat = input.lat;
  }
  if (input.excludedBy) result.excludedBy = input.excludedBy;
  if (input.exclusions) result.exclusions = input.exclusions;
  return result;
}

/** The units as table columns: pos, id, one raw column per term, eligible and keep_group when the rule has them. */
function unitColumns(input: LevelInput, raws: readonly { raw: Float64Array }[], keepInSql: boolean): LayerColumn[] {
  const n = input.ids.length;
  const { eligible, perGroup } = keepInSql ? input.keepRule : {};
  return [
    { name: 'pos', kind: 'double', values: Float64Array.from({ length: n }, (_, i) => i) },
    { name: 'id', kind: 'text', values: input.ids },
    ...raws.map((c, k): LayerColumn => ({ name: `t${k}`, kind: 'double', values: c.raw })),
    ...(eligible ? [{ name: 'eligible', kind: 'double' as const, values: Float64Array.from(eligible) }] : []),
    ...(perGroup ? [{ name: 'keep_group', kind: 'double' as const, values: Float64Array.from(perGroup.group) }] : []),
  ];
}

async function inTable<T>(db: Database, columns: readonly LayerColumn[], work: (table: string) => Promise<T>): Promise<T> {
  const table = `level_units_${++tables}`;
  await db.insertColumns(table, columns);
  let result: T;
  try {
    result = await work(table);
  } catch (error) {
    // the work's own error, not the drop's: inside a transaction that a failure aborted (DuckDB out of
    // memory in `siteselect score`), the drop fails too and would hide why
    await db.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    throw error;
  }
  await db.query(`DROP TABLE IF EXISTS ${table}`);
  return result;
}

function noUnits(terms: number): ScoredColumns {
  return { normalised: Array.from({ length: terms }, () => new Float64Array(0)), points: Array.from({ length: terms }, () => new Float64Array(0)), score: new Float64Array(0), rank: new Int32Array(0), kept: new Uint8Array(0) };
}

function isCriterion(term: RawCriterion | ContextTerm): term is RawCriterion {
  return 'normalise' in term;
}
