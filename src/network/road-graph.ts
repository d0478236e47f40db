/**
 * The routable graph of one profile, all typed arrays so it can be cached as bytes and handed to a
 * worker: node positions, the street segments between consecutive way nodes (what points snap
 * to), and the directed edges in compressed sparse rows, outgoing (`out`) and incoming (`in`).
 */
import type { Profile } from './profiles.ts';

/** Edges leaving (or, for `in`, entering) node v: start[v] … start[v+1]-1. */
export interface EdgeRows {
  start: Int32Array;
  /** The other end of each edge. */
  node: Int32Array;
  /** Metres. */
  length: Float64Array;
  /** Seconds. */
  time: Float64Array;
}

export interface RoadSegments {
  a: Int32Array;
  b: Int32Array;
  length: Float64Array;
  time: Float64Array;
  /** 1 only a → b, -1 only b → a, 0 both. */
  dir: Int8Array;
}

export interface RoadGraph {
  profile: Profile;
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  /** OSM node id per node when built from a PBF extract. */
  nodeOsmId?: Float64Array;
  segments: RoadSegments;
  out: EdgeRows;
  in: EdgeRows;
}

export type Metric = 'length' | 'time';

/** Cost of each edge under the metric. */
export function edgeCost(rows: EdgeRows, metric: Metric): Float64Array {
  return metric === 'length' ? rows.length : rows.time;
}

export function nodeCount(graph: RoadGraph): number {
  return graph.nodeLon.length;
}
