/**
 * The scores of a streamed list's sites, computed chunk by chunk from their records on disk with
 * the engine's own column code (applyDirection, the normalisations, combineScores, contributionOf),
 * so each site's score and points are those of buildLevel over the whole list:
 * 1. one pass gathers what each normalisation needs from all sites — the finite range (minmax),
 *    the sum and then the squared deviations (zscore, added in site order as normalise adds them);
 *    percentile and rank sort the finite values on disk and write each site's value back in site
 *    order (two external sorts);
 * 2. a last pass normalises, adds the context terms, combines and explains each chunk, and writes
 *    per site its score, output region and points, plus the record the ranking sorts.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { LoadedBundle } from '../../data/layer.ts';
import { assignPointsToPolygons } from '../../geo/containment.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { contextNormalised, type ContextTerm, type RawCriterion } from '../../score/build-level.ts';
import { combineScores, contributionOf, rescaleWeights } from '../../score/combine.ts';
import { applyDirection } from '../../score/direction.ts';
import { addRange, addSquares, addSum, applyMinMax, applyNone, applyZScore, nonFinite, percentileValue, type Moments, type Range } from '../../score/normalise.ts';
import { exact } from '../../score/rank.ts';
import { contextTerms } from '../../score/score-site-set.ts';
import { contextScores, type SiteScoring } from '../../score/score-sites.ts';
import { recordChunks, type RecordChunk } from './disk/record-chunks.ts';
import { RecordCursor, RecordWriter } from './disk/record-file.ts';
import { sortRecords, type SortOptions } from './disk/sort-records.ts';
import type { ShortlistGroup } from './score-args.ts';
import * as F from './stream-fields.ts';
import type { SettledSites } from './stream-settle.ts';

/** A scored site's record: score, output region, the context terms' raw values, then the points. */
export const SCORE = 0;
export const OUT_REGION = 1;
export const CONTEXT_RAW = 2;

/** The ranking's record: score as ranked, id position, site index, then what keeping reads. */
export const R_SCORE = 0;
export const R_ID_POSITION = 1;
export const R_SITE = 2;
export const R_ELIGIBLE = 3;
export const R_KEEP_GROUP = 4;
export const R_SHORTLIST_GROUP = 5;
export const R_LON = 6;
export const R_LAT = 7;
export const RANK_WIDTH = 8;

export interface ScoredSites {
  /** Per site, in site order: SCORE, OUT_REGION, context raw values, points of criteria then context. */
  file: string;
  width: number;
  /** The context terms (name, label, weight) after the criteria. */
  context: Omit<ContextTerm, 'raw'>[];
  /** The ranking's records (R_*), in site order. */
  rankInput: string;
}

export interface PointsInput {
  sites: SettledSites;
  criteria: Omit<RawCriterion, 'raw'>[];
  scoring: SiteScoring;
  scenario: Scenario;
  bundle: LoadedBundle;
  per: ShortlistGroup;
  sort: SortOptions;
}

type Gathered = { range?: Range; moments?: Moments; percentile?: RecordWriter; values?: string };

function goodness(chunk: RecordChunk, c: Omit<RawCriterion, 'raw'>, k: number): Float64Array {
  return applyDirection(chunk.column(F.RAW + k), c.direction);
}

const byValueThenSite = (a: Float64Array, i: number, b: Float64Array, j: number): number => a[i] - b[j] || a[i + 1] - b[j + 1];
const bySite = (a: Float64Array, i: number, b: Float64Array, j: number): number => a[i] - b[j];

/** Pass 1 and the percentile sorts: what each criterion's normalisation needs. */
function gather({ sites, criteria, sort }: PointsInput): Gathered[] {
  const gathered: Gathered[] = criteria.map((c, k) => {
    if (c.normalise === 'minmax') return { range: { min: Infinity, max: -Infinity } };
    if (c.normalise === 'zscore') return { moments: { n: 0, sum: 0, squares: 0 } };
    if (c.normalise === 'percentile' || c.normalise === 'rank') return { percentile: new RecordWriter(path.join(sort.scratch, `goodness-${k}.f64`), 2) };
    return {};
  });
  for (const chunk of recordChunks(sites.file, sites.width)) {
    criteria.forEach((c, k) => {
      const g = gathered[k];
      if (!g.range && !g.moments && !g.percentile) return;
      const values = goodness(chunk, c, k);
      if (g.range) addRange(values, g.range);
      if (g.moments) addSum(values, g.moments);
      if (g.percentile) {
        for (let i = 0; i < values.length; i++) {
          if (!Number.isFinite(values[i])) continue;
          const at = g.percentile.slot();
          g.percentile.block[at] = values[i];
          g.percentile.block[at + 1] = chunk.first + i;
        }
      }
    });
  }
  if (gathered.some((g) => g.moments)) {
    for (const chunk of recordChunks(sites.file, sites.width)) {
      criteria.forEach((c, k) => {
        const m = gathered[k].moments;
        if (m) addSquares(goodness(chunk, c, k), m);
      });
    }
  }
  criteria.forEach((c, k) => {
    const writer = gathered[k].percentile;
    if (writer) gathered[k].values = percentileValues(writer, c.normalise === 'rank', sort);
  });
  return gathered;
}

/** Sorts a criterion's finite (goodness, site) pairs and returns a file of (site, value) in site order. */
function percentileValues(writer: RecordWriter, dense: boolean, sort: SortOptions): string {
  const n = writer.close();
  const sorted = `${writer.file}.sorted`;
  sortRecords(writer.file, sorted, 2, byValueThenSite, sort);
  rmSync(writer.file, { force: true });
  let distinct = 0;
  {
    const cursor = new RecordCursor(sorted, 2);
    let last = NaN;
    while (cursor.next()) {
      const v = cursor.get(0);
      if (cursor.index === 0 || v !== last) distinct++;
      last = v;
    }
  }
  const values = new RecordWriter(`${writer.file}.values`, 2);
  const ahead = new RecordCursor(sorted, 2);
  const behind = new RecordCursor(sorted, 2);
  let more = ahead.next();
  for (let start = 0, level = 0; more; level++) {
    const v = ahead.get(0);
    let equal = 0;
    while (more && ahead.get(0) === v) {
      equal++;
      more = ahead.next();
    }
    const value = percentileValue(start, equal, level, n, distinct, dense);
    for (let e = 0; e < equal; e++) {
      behind.next();
      const at = values.slot();
      values.block[at] = behind.get(1);
      values.block[at + 1] = value;
    }
    start += equal;
  }
  values.close();
  rmSync(sorted, { force: true });
  const bySiteFile = `${writer.file}.by-site`;
  sortRecords(values.file, bySiteFile, 2, bySite, sort);
  rmSync(values.file, { force: true });
  return bySiteFile;
}

/** Normalises, combines and explains every site, chunk by chunk; writes the scored and the ranking's records. */
export function scoreStreamed(input: PointsInput): ScoredSites {
  const { sites, criteria, scoring, scenario, bundle, per, sort } = input;
  const gathered = gather(input);
  const K = criteria.length;
  // which terms there are depends on the scenario and the bundle, not on the sites
  const none = new Int32Array(0);
  const noScores = contextScores(scoring, none, none);
  const context = contextTerms(scenario, noScores.districtScore, noScores.regionScore).map(({ raw: _, ...meta }) => meta);
  const width = CONTEXT_RAW + context.length + K + context.length;
  const out = new RecordWriter(path.join(sort.scratch, 'scored.f64'), width);
  const rank = new RecordWriter(path.join(sort.scratch, 'rank-input.f64'), RANK_WIDTH);
  const values = gathered.map((g) => (g.values ? new RecordCursor(g.values, 2) : undefined));
  for (const chunk of recordChunks(sites.file, sites.width)) {
    const n = chunk.count;
    const normalised = criteria.map((c, k) => {
      const g = goodness(chunk, c, k);
      const o = new Float64Array(n);
      const { range, moments } = gathered[k];
      const cursor = values[k];
      if (range) return applyMinMax(g, range, o);
      if (moments) return applyZScore(g, moments, o);
      if (cursor) {
        for (let i = 0; i < n; i++) {
          if (!Number.isFinite(g[i])) o[i] = nonFinite(g[i]);
          else if (cursor.next() && cursor.get(0) === chunk.first + i) o[i] = cursor.get(1);
          else throw new Error(`percentile of site ${chunk.first + i} missing`);
        }
        return o;
      }
      return applyNone(g, o);
    });
    const district = chunk.ints(F.DISTRICT);
    const region = chunk.ints(F.REGION);
    const { districtScore, regionScore } = contextScores(scoring, district, region);
    const terms = contextTerms(scenario, districtScore, regionScore);
    for (const t of terms) normalised.push(contextNormalised(t.raw));
    const w = rescaleWeights([...criteria.map((c) => c.weight), ...terms.map((t) => t.weight)]);
    const score = combineScores(normalised, w, scenario.combine, new Float64Array(n));
    const points = normalised.map((_, k) => contributionOf(k, normalised, w, scenario.combine, score));
    const lon = chunk.column(F.LON);
    const lat = chunk.column(F.LAT);
    const outRegion = bundle.regions ? assignPointsToPolygons(lon, lat, bundle.regions.geometries) : new Int32Array(n).fill(-1);
    const shortlistGroup = per === 'region' ? outRegion : per === 'district' ? district : new Int32Array(n);
    const o = out;
    for (let i = 0; i < n; i++) {
      const at = o.slot();
      const b = o.block;
      b[at + SCORE] = score[i];
      b[at + OUT_REGION] = outRegion[i];
      terms.forEach((t, c) => (b[at + CONTEXT_RAW + c] = t.raw[i]));
      for (let k = 0; k < points.length; k++) b[at + CONTEXT_RAW + terms.length + k] = points[k][i];
      const r = rank.slot();
      const rb = rank.block;
      const base = i * chunk.width;
      rb[r + R_SCORE] = exact(score[i]);
      rb[r + R_ID_POSITION] = chunk.data[base + F.ID_POSITION];
      rb[r + R_SITE] = chunk.first + i;
      rb[r + R_ELIGIBLE] = chunk.data[base + F.ELIGIBLE];
      rb[r + R_KEEP_GROUP] = region[i];
      rb[r + R_SHORTLIST_GROUP] = shortlistGroup[i];
      rb[r + R_LON] = lon[i];
      rb[r + R_LAT] = lat[i];
    }
  }
  for (const c of values) c?.close();
  for (const g of gathered) if (g.values) rmSync(g.values, { force: true });
  out.close();
  rank.close();
  return { file: out.file, width, context, rankInput: rank.file };
}
