/**
 * The funnel as one table (DESIGN §4: level, unit, score, rank, kept) and one unit's breakdown
 * (criterion by criterion: raw, normalised, weighted contribution), for exports, reports and the CLI.
 */
import type { FunnelResult, LevelResult } from './types.ts';

export interface FunnelRow {
  level: LevelResult['level'];
  id: string;
  name: string;
  /** The id of the unit one level up ('' none). */
  parent: string;
  score: number;
  rank: number;
  kept: boolean;
}

export interface BreakdownRow {
  criterion: string;
  label: string;
  weight: number;
  raw: number;
  normalised: number;
  contribution: number;
}

/** Regions, then districts, then sites, each in rank order. */
export function funnelTable(result: FunnelResult): FunnelRow[] {
  const rows: FunnelRow[] = [];
  const levels: [LevelResult, LevelResult | undefined][] = [
    [result.regions, undefined],
    [result.districts, result.regions],
    [result.sites, result.districts],
  ];
  for (const [level, above] of levels) {
    const order = [...level.ids.keys()].sort((a, b) => level.rank[a] - level.rank[b]);
    for (const i of order) {
      const p = level.parent[i];
      rows.push({
        level: level.level, id: level.ids[i], name: level.names[i],
        parent: above && p >= 0 ? above.ids[p] : '',
        score: level.score[i], rank: level.rank[i], kept: level.kept[i] === 1,
      });
    }
  }
  return rows;
}

/** Unit `index` of a level, criterion by criterion; the contributions sum to its score. */
export function breakdown(level: LevelResult, index: number): BreakdownRow[] {
  return level.criteria.map((c) => ({
    criterion: c.name, label: c.label, weight: c.weight,
    raw: c.raw[index], normalised: c.normalised[index], contribution: c.contribution[index],
  }));
}
