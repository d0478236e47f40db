/** A bundle summary that survives structured cloning, the same in Node and the page. */
import type { LoadedBundle } from '../../../src/data/layer.ts';

export interface BundleSummary {
  reports: { layer: string; file: string; read: number; loaded: number; rejected: number; firstReject: string }[];
  firstPoints: Record<string, [string, number, number]>;
  placedBy: Record<string, number>;
}

export function summarise(b: LoadedBundle): BundleSummary {
  const firstPoints: Record<string, [string, number, number]> = {};
  for (const name of ['demand', 'competitors', 'network', 'pois', 'transit', 'candidates', 'gazetteer'] as const) {
    const l = b[name];
    if (l) firstPoints[name] = [l.ids[0], l.lon[0], l.lat[0]];
  }
  const placedBy: Record<string, number> = {};
  for (const p of b.candidates?.text.placed_by ?? []) placedBy[p] = (placedBy[p] ?? 0) + 1;
  return {
    reports: b.reports.map((r) => ({ layer: r.layer, file: r.file, read: r.read, loaded: r.loaded, rejected: r.rejected, firstReject: r.rejects[0]?.reason ?? '' })),
    firstPoints,
    placedBy,
  };
}
