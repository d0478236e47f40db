/**
 * Scoring the sites of table `sites` (duckdb-sites.ts) in DuckDB: each term normalised over every
 * site, combined with its weight, ranked (ties by id, then position) — table `scored` (pos, n0…,
 * score, p0…, rank). Keeping (top K, minimum score, eligibility, top N per region, minimum
 * spacing) and the --top-per shortlist are greedy in rank order, so the ranked sites are streamed
 * out of DuckDB best first and decided here, one at a time (keep.ts's Keeper); the chosen
 * positions go back as tables `kept` and `shortlisted`. Node only (native DuckDB).
 */
import { haversine } from '../geo/haversine.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { Keeper } from '../score/keep.ts';
import { goodnessStats, normalisedTermsSql, scoredTableSql } from '../db/score-sql.ts';
import type { NativeDatabase } from './duckdb-native.ts';
import { readNumbers } from './duckdb-vectors.ts';
import type { SiteTerm } from './duckdb-sites.ts';

/** Groups a site's rank within is counted in: its region, its district, or all sites. */
export type RankGroup = 'region' | 'district' | 'all';

const groupColumn = (group: RankGroup | undefined): string => (group === 'region' ? 'region' : group === 'district' ? 'district' : '0');

/**
 * Creates table `scored`: pos, n{k} (0–1), score, p{k} (points), rank and rank_in_group (1, 2, 3 … down each `group`, by rank; sites outside every group are one group).
 */
export async function rankSites(db: NativeDatabase, terms: SiteTerm[], combine: 'sum' | 'geometric', group: RankGroup = 'all'): Promise<void> {
  // the column for the z-score's sums comes chunk by chunk, never whole
  const column = async function* (sql: string): AsyncGenerator<Float64Array> {
    for await (const chunk of db.vectorChunks(sql)) yield readNumbers(chunk.getColumnVector(0), chunk.rowCount);
  };
  const normalised = await normalisedTermsSql(terms, (g, method) => goodnessStats((sql) => db.query(sql), column, 'sites', g, method));
  await db.run(scoredTableSql('sites', normalised, terms.map((t) => t.weight), combine, groupColumn(group)));
}

/** How sites are kept (the scenario's funnel.sites and constraints) and shortlisted (--top-per). */
export interface KeepOptions {
  scenario: Scenario;
  /** The best `top` eligible sites per `group`, spaced by the scenario's minSpacing. */
  shortlist?: { top: number; group: RankGroup };
  /** Ranks read in the first window [65 536], each next window twice as wide. */
  window?: number;
}

/** Creates tables `kept` and `shortlisted` (pos); returns how many of each. */
export async function keepSites(db: NativeDatabase, { scenario, shortlist, window = 1 << 16 }: KeepOptions): Promise<{ kept: number; shortlisted: number }> {
  const { topK, minScore } = scenario.funnel.sites;
  const { topNPerRegion, minSpacing } = scenario.constraints;
  const keeper = new Keeper({ topK, minScore, minSpacing, ...(topNPerRegion !== undefined ? { perGroup: { limit: topNPerRegion, group: new Int32Array(0) } } : {}) }, true);
  const picker = shortlist ? new ShortlistPicker(shortlist.top, minSpacing ?? 0) : undefined;

  const kept = new PositionList();
  const picked = new PositionList();
  const group = `${shortlist?.group === undefined || shortlist.group === 'all' ? '0' : `s.${shortlist.group}`}::INTEGER AS grp`;
  // Ranks in windows that double (65 536, then 131 072 …): keeping usually ends in the first, and then
  // DuckDB sorts that window's sites only, not all of them.
  for (let from = 0, width = window, more = true; more; from += width, width *= 2) {
    const rows = db.chunks(`SELECT pos, c.score, s.eligible, s.keep_region, ${group}, s.lon, s.lat
      FROM scored c JOIN sites s USING (pos) WHERE c.rank > ${from} AND c.rank <= ${from + width} ORDER BY c.rank`);
    let got = 0;
    for await (const [pos, score, eligible, keepRegion, grp, lon, lat] of rows) {
      for (let i = 0; i < pos.length; i++) {
        const p = Number(pos[i]);
        const x = Number(lon[i]);
        const y = Number(lat[i]);
        const ok = eligible[i] === true;
        if (!keeper.done && keeper.offer(Number(score[i]), ok, Number(keepRegion[i]), x, y)) kept.push(p);
        // a site outside every region (district) is in no region's (district's) shortlist
        const g = Number(grp[i]);
        if (picker?.offer(!ok || g < 0, g, x, y)) picked.push(p);
      }
      got += pos.length;
      if (keeper.done && picker === undefined) break;
    }
    more = got === width && !(keeper.done && picker === undefined);
  }
  await kept.save(db, 'kept');
  await picked.save(db, 'shortlisted');
  return { kept: kept.length, shortlisted: picked.length };
}

/** A growing list of site positions, saved as a one-column table. */
class PositionList {
  private values = new Int32Array(1024);
  length = 0;

  push(pos: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = pos;
  }

  async save(db: NativeDatabase, table: string): Promise<void> {
    await db.createTable(table, [{ name: 'pos', kind: 'integer' }]);
    await db.append(table, [{ name: 'pos', kind: 'integer', values: this.values.subarray(0, this.length) }]);
  }
}

/**
 * The --top-per shortlist, one site at a time best first: sites that fail a constraint are never
 * shortlisted; a site closer than the spacing to one already chosen in its group is skipped.
 * Remembers only each group's picks.
 */
export class ShortlistPicker {
  private readonly picks = new Map<number, { lon: number[]; lat: number[] }>();

  constructor(private readonly top: number, private readonly spacing: number) {}

  offer(excluded: boolean, group: number, lon: number, lat: number): boolean {
    if (excluded) return false;
    let picks = this.picks.get(group);
    if (picks === undefined) this.picks.set(group, (picks = { lon: [], lat: [] }));
    if (picks.lon.length >= this.top) return false;
    if (this.spacing > 0 && picks.lon.some((pl, k) => haversine(lon, lat, pl, picks.lat[k]) < this.spacing)) return false;
    picks.lon.push(lon);
    picks.lat.push(lat);
    return true;
  }
}
