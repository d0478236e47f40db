/**
 * The scored-sites output as columns: rank, id, score, shortlist flags, the region and district a
 * site lies in, how it was placed, each criterion's raw value and points (the points add up to the
 * score), and every column the candidate file brought with it.
 */
import type { LoadedBundle, PointLayer } from '../../data/layer.ts';
import type { LevelResult } from '../../score/types.ts';

import { formatDecimal, formatValue as num } from './format-number.ts';

export type Cell = string | number;

export interface OutColumn {
  name: string;
  cell(i: number): Cell;
  /** Cells are already-formatted numbers (never quoted in CSV, numbers in GeoJSON). */
  numeric?: boolean;
}

export interface SiteTableInput {
  result: LevelResult;
  sites: PointLayer;
  bundle: LoadedBundle;
  /** Per site: index into bundle.regions (-1 none). */
  region: Int32Array;
  groupName: string;
  groupRank: Int32Array;
  /** --sensitivity: per site, the share of weight draws in the top k and the rank interval. */
  sensitivity?: { pTopK: Float64Array; rankP05: Int32Array; rankP95: Int32Array };
}

export function siteTable({ result, sites, bundle, region, groupName, groupRank, sensitivity }: SiteTableInput): OutColumn[] {
  const regionIds = bundle.regions?.ids ?? [];
  const regionNames = bundle.regions?.names ?? [];
  const districtIds = bundle.districts?.ids ?? [];
  const districtNames = bundle.districts?.names ?? [];
  const { parent: district, rank, ids, score, kept, excludedBy } = result;
  const { lon, lat } = sites;
  const cols: OutColumn[] = [
    { name: 'rank', cell: (i) => rank[i] },
    { name: 'id', cell: (i) => ids[i] },
    { name: 'score', cell: (i) => num(score[i]), numeric: true },
    { name: `rank_in_${groupName}`, cell: (i) => groupRank[i] },
    { name: 'kept', cell: (i) => kept[i] },
    { name: 'excluded_by', cell: (i) => excludedBy?.[i] ?? '' },
    { name: 'region', cell: (i) => regionIds[region[i]] ?? '' },
    { name: 'region_name', cell: (i) => regionNames[region[i]] ?? '' },
    { name: 'district', cell: (i) => districtIds[district[i]] ?? '' },
    { name: 'district_name', cell: (i) => districtNames[district[i]] ?? '' },
    { name: 'lon', cell: (i) => formatDecimal(lon[i], 7), numeric: true },
    { name: 'lat', cell: (i) => formatDecimal(lat[i], 7), numeric: true },
  ];
  if (sensitivity) {
    const { pTopK, rankP05, rankP95 } = sensitivity;
    cols.splice(5, 0,
      { name: 'p_top_k', cell: (i) => formatDecimal(pTopK[i], 4), numeric: true },
      { name: 'rank_p05', cell: (i) => rankP05[i] },
      { name: 'rank_p95', cell: (i) => rankP95[i] });
  }
  if (!sites.text.placed_by) {
    // coordinate files: say so, so every output has the same placement columns
    cols.push({ name: 'placed_by', cell: () => 'coordinates' }, { name: 'geocode_confidence', cell: () => '', numeric: true });
  }
  for (const c of result.criteria) {
    // Read once: `contribution` is a computed-on-first-read accessor (score/explained.ts).
    const { raw, contribution } = c;
    cols.push({ name: `${c.name}_raw`, cell: (i) => num(raw[i]), numeric: true });
    cols.push({ name: `${c.name}_points`, cell: (i) => num(contribution[i]), numeric: true });
  }
  const taken = new Set(cols.map((c) => c.name));
  for (const [name, values] of Object.entries(sites.text)) {
    if (!taken.has(name)) cols.push({ name, cell: (i) => values[i] });
  }
  for (const [name, values] of Object.entries(sites.numeric)) {
    if (!taken.has(name)) cols.push({ name, cell: (i) => num(values[i]), numeric: true });
  }
  return cols;
}
