/** Travel over street networks (DESIGN §12): the public API of src/network. */
export { PROFILE_NAMES, DEFAULT_PROFILES, profileFor, type Profile, type ProfileName, type ProfileOverride } from './profiles.ts';
export type { RoadWays } from './road-ways.ts';
export type { RoadGraph, Metric } from './road-graph.ts';
export { readRoads } from './read-roads.ts';
export { readOsmRoads } from './read-osm-roads.ts';
export { readLineRoads } from './read-line-roads.ts';
export { buildGraph } from './build-graph.ts';
export { graphToBytes, graphFromBytes } from './graph-bytes.ts';
export { Router, DEFAULT_SNAP_LIMIT, type Direction as TravelDirection } from './router.ts';
export type { SnappedPoints } from './snap.ts';
export { costMatrix, eachCost, type SparseCosts, type MatrixOptions } from './cost-matrix.ts';
export { networkPairs } from './network-pairs.ts';
export { networkKernel, type NetworkKernel } from './network-kernel.ts';
export { tradeAreas, type TradeAreaInput, type TradeAreaProperties } from './trade-area.ts';
export { bundleGraph, bundleRouter } from './bundle-graph.ts';
export { bundleTradeAreas, type TradeAreaCollection } from './bundle-trade-areas.ts';
