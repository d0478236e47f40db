/**
 * What scoring a list held in memory does with the scored level before writing: the region each
 * site lies in, its rank within the --top-per/--per group, the rows to write (all by rank, the kept
 * ones, or the shortlist) and the optional weight sensitivity. A streamed list decides the same
 * best first, one site at a time (stream-rank.ts). Also the summary both paths give (ScoreOutcome).
 */
import type { LoadedBundle } from '../../data/layer.ts';
import { assignPointsToPolygons } from '../../geo/containment.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { LevelResult } from '../../score/types.ts';
import { weightSensitivity } from '../../sensitivity/weights.ts';
import type { ScoreArgs } from './score-args.ts';
import { rankOrder, rankWithinGroups, shortlist } from './shortlist.ts';
import type { SiteTableInput } from './site-table.ts';

/** What the summary says about a run, whichever way it read the candidates. */
export interface ScoreOutcome {
  file: string;
  read: number;
  rejected: number;
  scored: number;
  byCoordinates: number;
  exact: number;
  fuzzy: number;
  written: number;
  top: { rank: number; id: string; name: string; score: number }[];
  warnings: string[];
}

export interface Arranged {
  region: Int32Array;
  groupRank: Int32Array;
  byRank: number[];
  rows: number[];
  sensitivity?: SiteTableInput['sensitivity'];
}

export function arrange(result: LevelResult, lon: Float64Array, lat: Float64Array, bundle: LoadedBundle, scenario: Scenario, args: ScoreArgs): Arranged {
  const n = result.rank.length;
  let sensitivity: Arranged['sensitivity'];
  if (args.sensitivity && n > 0) {
    const s = args.sensitivity;
    sensitivity = weightSensitivity(result.criteria.map((c) => c.normalised), result.criteria.map((c) => c.weight), result.ids, {
      draws: s.draws, concentration: s.concentration, seed: s.seed, topK: s.topK, combine: result.combine,
    });
  }
  const region = bundle.regions ? assignPointsToPolygons(lon, lat, bundle.regions.geometries) : new Int32Array(n).fill(-1);
  const group = args.per === 'region' ? region : args.per === 'district' ? result.parent : new Int32Array(n);
  const groupRank = rankWithinGroups(result, group);
  const byRank = rankOrder(result);
  const minSpacing = scenario.constraints.minSpacing ?? 0;
  const rows = args.top !== undefined
    ? shortlist(result, group, args.top, { minSpacing, lon, lat })
    : args.keptOnly ? byRank.filter((i) => result.kept[i]) : byRank;
  return { region, groupRank, byRank, rows, sensitivity };
}
