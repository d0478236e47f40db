/**
 * `siteselect network matrix`'s work: the street graph built (or read from its cache), network
 * costs from every point of one file to every point of another within a bound, written as
 * long-format CSV (from, to, value) — the form `optimize --costs` reads. Node only.
 */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { BundleError } from '../errors.ts';
import { csvRow } from '../io/csv-write.ts';
import { costMatrix } from '../network/cost-matrix.ts';
import { profileFor } from '../network/profiles.ts';
import type { Metric } from '../network/road-graph.ts';
import { Router } from '../network/router.ts';
import { refuseOverwritingInputs } from './output-guard.ts';
import { readPointsFile } from './read-points-file.ts';
import { loadHierarchy, loadRoadGraph, readHierarchy } from './road-graph-cache.ts';
import { BlockWriter } from './score/block-writer.ts';

/** Metres, or minutes for time (the router counts seconds). */
export const UNIT_OF: Record<Metric, { name: string; perCost: number }> = {
  length: { name: 'length_m', perCost: 1 },
  time: { name: 'time_min', perCost: 1 / 60 },
};

/**
 * Unbounded matrices run on the contraction hierarchy when it is cached beside the graph, and are
 * worth building it for from this many origins on: the build (1–2 s of CPU on a city) costs about
 * what 100–150 full searches do (bench/README.md).
 */
const HIERARCHY_FROM_ORIGINS = 200;

export interface MatrixRequest {
  /** The roads file (.osm.pbf or road lines), the points files and the output, as given. */
  osm: string;
  profile: string;
  cacheDir?: string;
  cache: boolean;
  from: string;
  to: string;
  out: string;
  metric: Metric;
  /** In the metric's unit (minutes or metres). */
  max?: number;
  snapLimit?: number;
}

export interface MatrixContext {
  cwd: string;
  /** Notes and rejects (standard error). */
  note: (text: string) => void;
  progress?: (done: number, total: number) => void;
}

export async function writeNetworkMatrix(request: MatrixRequest, { cwd, note, progress }: MatrixContext) {
  const { metric, max, snapLimit } = request;
  const unit = UNIT_OF[metric];
  const roads = path.resolve(cwd, request.osm);
  const out = path.resolve(cwd, request.out);
  await refuseOverwritingInputs({ inputs: { '--from': path.resolve(cwd, request.from), '--to': path.resolve(cwd, request.to), '--osm': roads }, outputs: { '--out': out } });
  if (!(await stat(roads).then((s) => s.isFile(), () => false))) throw new BundleError(request.osm, `${request.osm} (--osm) was not found; check the path.`);
  const cacheDir = request.cacheDir === undefined ? undefined : path.resolve(cwd, request.cacheDir);
  const loaded = await loadRoadGraph(roads, profileFor(request.profile), { display: request.osm, cacheDir, cache: request.cache });
  for (const n of loaded.notes) note(`note: ${n}\n`);
  const from = await readPointsFile('--from', request.from, cwd, note);
  const to = await readPointsFile('--to', request.to, cwd, note);
  const router = new Router(loaded.graph, metric);
  const contracted = max !== undefined ? undefined : from.lon.length >= HIERARCHY_FROM_ORIGINS ? await loadHierarchy(router, loaded) : ((await readHierarchy(router, loaded)) ?? undefined);
  if (contracted?.note) note(`note: ${contracted.note}\n`);
  const costs = costMatrix(router, from, to, { max: max === undefined ? undefined : max / unit.perCost, snapLimit, progress, hierarchy: contracted?.hierarchy });
  if (progress) note('\n');
  for (const [flag, layer, missed] of [['--from', from, costs.unsnappedFrom], ['--to', to, costs.unsnappedTo]] as const) {
    if (missed.length > 0) note(`${missed.length} point(s) of ${flag} farther than ${snapLimit ?? 500} m from every street, no rows: ${missed.slice(0, 10).map((i) => layer.ids[i]).join(', ')}${missed.length > 10 ? ', …' : ''}\n`);
  }
  const writer = await BlockWriter.open(out);
  await writer.write(csvRow(['from', 'to', unit.name]));
  const digits = metric === 'time' ? 3 : 1;
  for (let k = 0; k < costs.value.length; k++) {
    await writer.write(csvRow([from.ids[costs.from[k]], to.ids[costs.to[k]], Number((costs.value[k] * unit.perCost).toFixed(digits))]));
  }
  await writer.close();
  return {
    profile: loaded.graph.profile.name, metric, unit: unit.name, from: from.ids.length, to: to.ids.length, pairs: costs.value.length,
    unsnapped_from: costs.unsnappedFrom.length, unsnapped_to: costs.unsnappedTo.length, graph_from_cache: loaded.fromCache,
    search: contracted ? 'contraction hierarchy' : 'dijkstra',
    ...(contracted ? { hierarchy_from_cache: contracted.fromCache } : {}),
  };
}
