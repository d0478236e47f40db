/** Flags every `siteselect network` sub-command shares: the roads file, the profile, the metric. */
import { UsageError } from '../../errors.ts';
import type { Metric } from '../../network/road-graph.ts';

export function numberFlag(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < 0) throw new UsageError(`--${name} needs a number ≥ 0, got '${v}'`);
  return x;
}

export function metricFlag(v: string | undefined): Metric {
  if (v === undefined || v === 'length' || v === 'time') return v ?? 'time';
  throw new UsageError(`--metric must be length (metres) or time (minutes), got '${v}'`);
}

export const GRAPH_OPTIONS = {
  osm: { type: 'string' },
  profile: { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
} as const;

/** The graph flags checked: the roads file and the profile are required. */
export function graphFlags(flags: { osm?: string; profile?: string; 'cache-dir'?: string; 'no-cache'?: boolean }): { osm: string; profile: string; cacheDir?: string; cache: boolean } {
  const { osm, profile } = flags;
  if (osm === undefined) throw new UsageError('--osm FILE is required: an .osm.pbf extract, or road lines as GeoJSON / GeoParquet');
  if (profile === undefined) throw new UsageError('--profile is required: walk, bike or drive');
  return { osm, profile, cacheDir: flags['cache-dir'], cache: !flags['no-cache'] };
}
