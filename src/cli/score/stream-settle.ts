/**
 * The end of pass 1: what toLayer decides over the whole file, decided over the numbers the chunks
 * kept. In toLayer's order: every row in projected metres (a whole-file error: read whole, where
 * it is reported), lat/lon swaps judged against the file's median position, then missing and
 * duplicate ids among the rows still placed; then the type of each untyped column over the rows
 * finally loaded. Returns the loaded sites' columns and the rejects decided here (row order).
 */
import type { Reject } from '../../data/layer.ts';
import { findSwappedOutliers } from '../../data/swapped-outliers.ts';
import { NUMBER, TEXT } from './stream-columns.ts';
import { StreamFallback, type ChunkMeasure } from './stream-measure.ts';
import type { PackedIds } from './packed-ids.ts';

export interface SettledSites {
  n: number;
  /** 0-based record number in the file of each loaded site (ascending). */
  row: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  placedBy: Uint8Array;
  confidence: Float64Array;
  district: Int32Array;
  region: Int32Array;
  raw: Float64Array[];
  excludedBy: string[];
  eligible: Uint8Array;
  ids: PackedIds;
  /** Untyped columns that are numeric over the loaded rows. */
  numeric: Set<string>;
  /** Rejects decided only now, in row order. */
  late: Reject[];
}

export function settle(m: ChunkMeasure, crs: string): SettledSites {
  const plan = m.plan;
  if (!plan) throw new StreamFallback('no data rows');
  if (m.projected > 0 && m.projected === m.read - m.missingCoordinate) throw new StreamFallback('every row in projected metres');
  const count = m.row.length;
  const row = m.row.take();
  const lonAll = m.lon.take();
  const latAll = m.lat.take();
  const late: Reject[] = [];
  const rejected = new Uint8Array(count);
  if (crs !== 'epsg3857') {
    const suspects: number[] = [];
    for (let i = 0; i < count; i++) if (m.bySwappable.at(i)) suspects.push(i);
    for (const i of findSwappedOutliers(lonAll, latAll, suspects)) {
      rejected[i] = 1;
      late.push({
        row: row[i] + 1,
        column: plan.lat ?? 'geometry',
        reason: `lat/lon look swapped: the point is far from the rest of the file, and swapped it lies among them`,
        value: `${lonAll[i]}, ${latAll[i]}`,
      });
    }
  }
  const idColumn = plan.id ?? 'id';
  for (let i = 0; i < count; i++) {
    if (rejected[i] || !m.ids.isEmpty(i)) continue;
    rejected[i] = 1;
    late.push({ row: row[i] + 1, column: idColumn, reason: 'missing id' });
  }
  if (plan.id !== undefined || plan.idValue !== undefined) {
    const first = m.ids.firstOf((i) => !rejected[i]);
    for (let i = 0; i < count; i++) {
      if (first[i] < 0) continue;
      rejected[i] = 1;
      late.push({ row: row[i] + 1, column: idColumn, reason: `duplicate id (first seen in row ${row[first[i]] + 1})`, value: m.ids.get(i) });
    }
  }
  late.sort((a, b) => a.row - b.row);
  const keep = Uint8Array.from(rejected, (r) => 1 - r);
  const numeric = new Set<string>();
  for (const [key, classes] of m.classes) {
    let text = false;
    let seen = false;
    for (let i = 0; i < count && !text; i++) {
      if (!keep[i]) continue;
      const c = classes.at(i);
      text = c === TEXT;
      seen ||= c === NUMBER;
    }
    if (seen && !text) numeric.add(key);
  }
  const notNumeric = m.assumedNumeric.find((key) => !numeric.has(key));
  if (notNumeric !== undefined) throw new StreamFallback(`the scenario reads column ${notNumeric} as numbers but it holds text`);
  const gather = (a: Float64Array): Float64Array => a.filter((_, i) => keep[i] === 1);
  const excluded = m.excluded.take(keep);
  return {
    n: count - late.length,
    row: row.filter((_, i) => keep[i] === 1),
    lon: gather(lonAll),
    lat: gather(latAll),
    placedBy: m.placedBy.take(keep),
    confidence: m.confidence.take(keep),
    district: m.district.take(keep),
    region: m.region.take(keep),
    raw: m.raw.map((g) => g.take(keep)),
    excludedBy: Array.from(excluded, (code) => m.reasons[code]),
    eligible: Uint8Array.from(excluded, (code) => (code === 0 ? 1 : 0)),
    ids: m.ids.keep(keep),
    numeric,
    late,
  };
}
