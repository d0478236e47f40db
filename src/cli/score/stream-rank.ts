/**
 * The ranking of a streamed list, from the ranking's records on disk (stream-points.ts): an
 * external sort by score, best first, ties by id (RankSorter's order), then one pass best first
 * that decides what buildLevel and arrange decide — rank, kept (the scenario's keep rule, Keeper),
 * rank within the --top-per/--per group, and each site's position in the output (all by rank, the
 * kept ones, or the shortlist: ShortlistPicker) — written back in site order. Memory holds a sort
 * run, the kept sites' and shortlist picks' points and a count per group.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Scenario } from '../../scenario/scenario.ts';
import { Keeper } from '../../score/keep.ts';
import { RecordCursor, RecordWriter } from './disk/record-file.ts';
import { sortRecords, type SortOptions } from './disk/sort-records.ts';
import type { ScoreArgs } from './score-args.ts';
import { ShortlistPicker } from './shortlist.ts';
import { R_ELIGIBLE, R_ID_POSITION, R_KEEP_GROUP, R_LAT, R_LON, R_SCORE, R_SHORTLIST_GROUP, R_SITE, RANK_WIDTH } from './stream-points.ts';

/** A ranked site's record, in site order. */
export const RANKED_SITE = 0;
export const RANK = 1;
export const KEPT = 2;
export const GROUP_RANK = 3;
/** Its row's position in the output, -1 when it is not written. */
export const POSITION = 4;
export const RANKED_WIDTH = 5;

export interface RankedSites {
  file: string;
  written: number;
  /** The best ten sites (site indices), best first. */
  top: number[];
}

/** Score descending (scores as ranked: no NaN), then id position ascending (unique). */
const bestFirst = (a: Float64Array, i: number, b: Float64Array, j: number): number => {
  const x = a[i + R_SCORE], y = b[j + R_SCORE];
  return x > y ? -1 : x < y ? 1 : a[i + R_ID_POSITION] - b[j + R_ID_POSITION];
};
const bySite = (a: Float64Array, i: number, b: Float64Array, j: number): number => a[i] - b[j];

export function rankStreamed(rankInput: string, scenario: Scenario, args: ScoreArgs, sort: SortOptions): RankedSites {
  const sorted = path.join(sort.scratch, 'rank-sorted.f64');
  sortRecords(rankInput, sorted, RANK_WIDTH, bestFirst, sort);
  rmSync(rankInput, { force: true });
  const { topK, minScore } = scenario.funnel.sites;
  const { topNPerRegion, minSpacing } = scenario.constraints;
  // siteKeepRule's rule; eligibility and groups come with each site
  const keeper = new Keeper({ topK, minScore, minSpacing, ...(topNPerRegion !== undefined ? { perGroup: { limit: topNPerRegion, group: new Int32Array(0) } } : {}) }, true);
  const picker = args.top !== undefined ? new ShortlistPicker(args.top, minSpacing ?? 0) : undefined;
  const groupCounts = new Map<number, number>();
  const top: number[] = [];
  const ranked = new RecordWriter(path.join(sort.scratch, 'ranked-by-rank.f64'), RANKED_WIDTH);
  const cursor = new RecordCursor(sorted, RANK_WIDTH);
  let written = 0;
  for (let p = 0; cursor.next(); p++) {
    const site = cursor.get(R_SITE);
    const eligible = cursor.get(R_ELIGIBLE) === 1;
    const lon = cursor.get(R_LON), lat = cursor.get(R_LAT);
    const kept = keeper.offer(cursor.get(R_SCORE), eligible, cursor.get(R_KEEP_GROUP), lon, lat);
    const group = cursor.get(R_SHORTLIST_GROUP);
    const groupRank = (groupCounts.get(group) ?? 0) + 1;
    groupCounts.set(group, groupRank);
    const writes = picker ? picker.offer(!eligible, group, lon, lat) : args.keptOnly ? kept : true;
    if (p < 10) top.push(site);
    const at = ranked.slot();
    const b = ranked.block;
    b[at + RANKED_SITE] = site;
    b[at + RANK] = p + 1;
    b[at + KEPT] = kept ? 1 : 0;
    b[at + GROUP_RANK] = groupRank;
    b[at + POSITION] = writes ? written++ : -1;
  }
  ranked.close();
  rmSync(sorted, { force: true });
  const file = path.join(sort.scratch, 'ranked.f64');
  sortRecords(ranked.file, file, RANKED_WIDTH, bySite, sort);
  rmSync(ranked.file, { force: true });
  return { file, written, top };
}
