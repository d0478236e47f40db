/**
 * The scored-sites output as columns: rank, id, score, shortlist flags, the region and district a
 * site lies in, how it was placed, each criterion's raw value and points (the points add up to the
 * score), and every column the candidate file brought with it.
 */
import type { LoadedBundle, PointLayer } from '../../data/layer.ts';
import type { LevelResult } from '../../score/types.ts';

export type Cell = string | number;

export interface OutColumn {
  name: string;
  cell(i: number): Cell;
}

/** Six significant digits; NaN (no value) is an empty cell. */
export function num(v: number): Cell {
  return Number.isFinite(v) ? Number(v.toPrecision(6)) : '';
}

export interface SiteTableInput {
  result: LevelResult;
  sites: PointLayer;
  bundle: LoadedBundle;
  /** Per site: index into bundle.regions (-1 none). */
  region: Int32Array;
  groupName: string;
  groupRank: Int32Array;
}

export function siteTable({ result, sites, bundle, region, groupName, groupRank }: SiteTableInput): OutColumn[] {
  const regionIds = bundle.regions?.ids ?? [];
  const regionNames = bundle.regions?.names ?? [];
  const districtIds = bundle.districts?.ids ?? [];
  const districtNames = bundle.districts?.names ?? [];
  const district = result.parent;
  const cols: OutColumn[] = [
    { name: 'rank', cell: (i) => result.rank[i] },
    { name: 'id', cell: (i) => result.ids[i] },
    { name: 'score', cell: (i) => num(result.score[i]) },
    { name: `rank_in_${groupName}`, cell: (i) => groupRank[i] },
    { name: 'kept', cell: (i) => result.kept[i] },
    { name: 'excluded_by', cell: (i) => result.excludedBy?.[i] ?? '' },
    { name: 'region', cell: (i) => regionIds[region[i]] ?? '' },
    { name: 'region_name', cell: (i) => regionNames[region[i]] ?? '' },
    { name: 'district', cell: (i) => districtIds[district[i]] ?? '' },
    { name: 'district_name', cell: (i) => districtNames[district[i]] ?? '' },
    { name: 'lon', cell: (i) => sites.lon[i] },
    { name: 'lat', cell: (i) => sites.lat[i] },
  ];
  for (const c of result.criteria) {
    cols.push({ name: `${c.name}_raw`, cell: (i) => num(c.raw[i]) });
    cols.push({ name: `${c.name}_points`, cell: (i) => num(c.contribution[i]) });
  }
  const taken = new Set(cols.map((c) => c.name));
  for (const [name, values] of Object.entries(sites.text)) {
    if (!taken.has(name)) cols.push({ name, cell: (i) => values[i] });
  }
  for (const [name, values] of Object.entries(sites.numeric)) {
    if (!taken.has(name)) cols.push({ name, cell: (i) => num(values[i]) });
  }
  return cols;
}
