/**
 * A bundle's street network as routers: the roads file is read once and a graph built once per
 * profile (and its overrides), held for as long as the bundle's bytes are. In Node the graphs come
 * from the cache file beside the bundle's roads (src/node/load-bundle-dir.ts registers it).
 */
import { UsageError } from '../errors.ts';
import type { LoadedBundle } from '../data/layer.ts';
import { buildGraph } from './build-graph.ts';
import { profileFor, type Profile, type ProfileOverride } from './profiles.ts';
import { readRoads } from './read-roads.ts';
import type { Metric, RoadGraph } from './road-graph.ts';
import type { RoadWays } from './road-ways.ts';
import { Router } from './router.ts';

interface Built {
  ways: Promise<RoadWays>;
  graphs: Map<string, Promise<RoadGraph>>;
  routers: Map<string, Promise<Router>>;
}

const memo = new WeakMap<Uint8Array, Built>();
/** Where a platform can get a roads file's graph faster than building it (Node: the cache file). */
const loaders = new WeakMap<Uint8Array, (profile: Profile) => Promise<RoadGraph>>();

/** Called by the Node bundle loader: graphs of these roads come from (and go to) the cache file. */
export function graphLoaderFor(roads: { bytes: Uint8Array }, load: (profile: Profile) => Promise<RoadGraph>): void {
  loaders.set(roads.bytes, load);
}

function builtFor(roads: { file: string; bytes: Uint8Array }): Built {
  let built = memo.get(roads.bytes);
  if (!built) {
    built = { ways: readRoads(roads.file, roads.bytes), graphs: new Map(), routers: new Map() };
    memo.set(roads.bytes, built);
  }
  return built;
}

function roadsOf(bundle: LoadedBundle): { file: string; bytes: Uint8Array } {
  if (!bundle.roads) throw new UsageError(`bundle '${bundle.name}' has no street network: add "roads": { "file": "roads.osm.pbf" } (or road lines) to its bundle.json`);
  return bundle.roads;
}

export function bundleGraph(bundle: LoadedBundle, profileName: string, override?: ProfileOverride): Promise<RoadGraph> {
  const profile = profileFor(profileName, override);
  const built = builtFor(roadsOf(bundle));
  const key = JSON.stringify(profile);
  let graph = built.graphs.get(key);
  if (!graph) {
    const load = loaders.get(roadsOf(bundle).bytes);
    graph = load ? load(profile) : built.ways.then((ways) => buildGraph(ways, profile));
    built.graphs.set(key, graph);
  }
  return graph;
}

/** One router per profile, overrides and metric: its snap index is built once too. */
export function bundleRouter(bundle: LoadedBundle, profileName: string, metric: Metric, override?: ProfileOverride): Promise<Router> {
  const graph = bundleGraph(bundle, profileName, override);
  const built = builtFor(roadsOf(bundle));
  const key = JSON.stringify([profileName, override ?? null, metric]);
  let router = built.routers.get(key);
  if (!router) {
    router = graph.then((g) => new Router(g, metric));
    built.routers.set(key, router);
  }
  return router;
}
