/** Flags every `siteselect network` sub-command shares: the roads file, the profile, the metric. */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { BundleError, UsageError } from '../../errors.ts';
import { profileFor, type ProfileOverride } from '../../network/profiles.ts';
import type { Metric } from '../../network/road-graph.ts';
import { loadRoadGraph, type LoadedGraph } from '../../node/road-graph-cache.ts';
import type { CliIO } from '../command.ts';

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

/** Metres, or minutes for time (the router counts seconds). */
export const UNIT_OF: Record<Metric, { name: string; perCost: number }> = {
  length: { name: 'length_m', perCost: 1 },
  time: { name: 'time_min', perCost: 1 / 60 },
};

export const GRAPH_OPTIONS = {
  osm: { type: 'string' },
  profile: { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
} as const;

export interface GraphFlags {
  osm?: string;
  profile?: string;
  'cache-dir'?: string;
  'no-cache'?: boolean;
}

export async function loadGraphFlag(flags: GraphFlags, io: CliIO, override?: ProfileOverride): Promise<LoadedGraph> {
  const { osm, profile } = flags;
  if (osm === undefined) throw new UsageError('--osm FILE is required: an .osm.pbf extract, or road lines as GeoJSON / GeoParquet');
  if (profile === undefined) throw new UsageError('--profile is required: walk, bike or drive');
  const file = path.resolve(io.cwd, osm);
  if (!(await stat(file).then((s) => s.isFile(), () => false))) throw new BundleError(osm, `${osm} (--osm) was not found; check the path.`);
  const cacheDir = flags['cache-dir'] === undefined ? undefined : path.resolve(io.cwd, flags['cache-dir']);
  const loaded = await loadRoadGraph(file, profileFor(profile, override), { display: osm, cacheDir, cache: !flags['no-cache'] });
  for (const note of loaded.notes) io.stderr(`note: ${note}\n`);
  return loaded;
}
