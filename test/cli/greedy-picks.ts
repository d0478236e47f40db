/**
 * The shortlist worked out independently of the CLI, from a full ranked output: per group, walk the
 * rows best first, skip excluded ones and any closer than `spacing` metres (great circle, R =
 * 6 371 008.8 m) to one already picked in that group, stop at `top`.
 */
export interface RankedRow {
  id: string;
  lon: string;
  lat: string;
  excluded_by: string;
  [column: string]: string;
}

export function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Expected picks per group value, each list best first. `ranked` must be in rank order. */
export function greedyPicks(ranked: RankedRow[], groupColumn: string, top: number, spacing: number): Map<string, RankedRow[]> {
  const picks = new Map<string, RankedRow[]>();
  for (const row of ranked) {
    if (row.excluded_by !== '') continue;
    const list = picks.get(row[groupColumn]) ?? [];
    if (list.length >= top) continue;
    if (list.some((p) => metres(Number(p.lon), Number(p.lat), Number(row.lon), Number(row.lat)) < spacing)) continue;
    list.push(row);
    picks.set(row[groupColumn], list);
  }
  return picks;
}
