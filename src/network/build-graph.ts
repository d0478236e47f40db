/**
 * RoadWays + a profile → RoadGraph: the ways the profile may use, split into segments between
 * consecutive nodes (lengths by haversine, times by the way's speed), then directed edges in CSR
 * form both ways round. Nodes no usable way touches are dropped.
 */
import { UsageError } from '../errors.ts';
import { haversine } from '../geo/haversine.ts';
import type { Profile } from './profiles.ts';
import { FORBID_BIKE, FORBID_DRIVE, FORBID_WALK, type RoadWays } from './road-ways.ts';
import type { EdgeRows, RoadGraph, RoadSegments } from './road-graph.ts';

const FORBID_BIT = { walk: FORBID_WALK, bike: FORBID_BIKE, drive: FORBID_DRIVE } as const;

/** The way's speed for the profile in km/h, or 0 when the profile may not use it. */
export function waySpeed(ways: RoadWays, w: number, profile: Profile): number {
  if (ways.forbid[w] & FORBID_BIT[profile.name]) return 0;
  const classSpeed = profile.speeds[ways.highway[w]];
  if (classSpeed === undefined) return 0;
  if (Number.isFinite(ways.speed[w]) && ways.speed[w] > 0) return ways.speed[w];
  if (profile.maxspeed && Number.isFinite(ways.maxspeed[w]) && ways.maxspeed[w] > 0) return ways.maxspeed[w];
  return classSpeed;
}

function rows(n: number, from: Int32Array, to: Int32Array, length: Float64Array, time: Float64Array, count: number): EdgeRows {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) start[from[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const node = new Int32Array(count);
  const len = new Float64Array(count);
  const t = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const k = fill[from[e]]++;
    node[k] = to[e];
    len[k] = length[e];
    t[k] = time[e];
  }
  return { start, node, length: len, time: t };
}

export function buildGraph(ways: RoadWays, profile: Profile): RoadGraph {
  const wayCount = ways.highway.length;
  const speeds = new Float64Array(wayCount);
  let segCount = 0;
  for (let w = 0; w < wayCount; w++) {
    speeds[w] = waySpeed(ways, w, profile);
    if (speeds[w] > 0) segCount += ways.wayStart[w + 1] - ways.wayStart[w] - 1;
  }
  if (segCount === 0) throw new UsageError(`${ways.source}: no street the ${profile.name} profile may use (classes: ${Object.keys(profile.speeds).join(', ')})`);
  const newIndex = new Int32Array(ways.nodeLon.length).fill(-1);
  let n = 0;
  const a = new Int32Array(segCount);
  const b = new Int32Array(segCount);
  const length = new Float64Array(segCount);
  const time = new Float64Array(segCount);
  const dir = new Int8Array(segCount);
  let s = 0;
  let edgeCount = 0;
  const { nodeLon, nodeLat, refs } = ways;
  for (let w = 0; w < wayCount; w++) {
    if (speeds[w] === 0) continue;
    const metresPerSecond = speeds[w] / 3.6;
    const oneway = profile.oneway ? ways.oneway[w] : 0;
    for (let k = ways.wayStart[w]; k < ways.wayStart[w + 1] - 1; k++) {
      const u = refs[k];
      const v = refs[k + 1];
      if (newIndex[u] < 0) newIndex[u] = n++;
      if (newIndex[v] < 0) newIndex[v] = n++;
      a[s] = newIndex[u];
      b[s] = newIndex[v];
      length[s] = haversine(nodeLon[u], nodeLat[u], nodeLon[v], nodeLat[v]);
      time[s] = length[s] / metresPerSecond;
      dir[s] = oneway;
      edgeCount += oneway === 0 ? 2 : 1;
      s++;
    }
  }
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  const eLength = new Float64Array(edgeCount);
  const eTime = new Float64Array(edgeCount);
  let e = 0;
  for (let k = 0; k < segCount; k++) {
    if (dir[k] >= 0) {
      from[e] = a[k]; to[e] = b[k]; eLength[e] = length[k]; eTime[e++] = time[k];
    }
    if (dir[k] <= 0) {
      from[e] = b[k]; to[e] = a[k]; eLength[e] = length[k]; eTime[e++] = time[k];
    }
  }
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const osmId = ways.nodeOsmId ? new Float64Array(n) : undefined;
  for (let old = 0; old < newIndex.length; old++) {
    const v = newIndex[old];
    if (v < 0) continue;
    lon[v] = nodeLon[old];
    lat[v] = nodeLat[old];
    if (osmId) osmId[v] = ways.nodeOsmId![old];
  }
  const segments: RoadSegments = { a, b, length, time, dir };
  return {
    profile,
    nodeLon: lon,
    nodeLat: lat,
    ...(osmId ? { nodeOsmId: osmId } : {}),
    segments,
    out: rows(n, from, to, eLength, eTime, edgeCount),
    in: rows(n, to, from, eLength, eTime, edgeCount),
  };
}
