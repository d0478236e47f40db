/**
 * Contraction hierarchies and the bucket many-to-many: a five-node graph worked by hand, the river
 * fixture's hand answers through the hierarchy, and the real Porto Alegre extract, where the
 * hierarchy must give what plain Dijkstra gives for every pair asked: 30 origins to every other
 * node (drive by time with its one-way streets, both directions; walk by length; bounded and not).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/network/build-graph.ts';
import { buildHierarchy } from '../../src/network/contraction.ts';
import { costMatrix, type SparseCosts } from '../../src/network/cost-matrix.ts';
import { Search } from '../../src/network/dijkstra.ts';
import { profileFor } from '../../src/network/profiles.ts';
import { readLineRoads } from '../../src/network/read-line-roads.ts';
import { readOsmRoads } from '../../src/network/read-osm-roads.ts';
import { Router } from '../../src/network/router.ts';
import { readGeoJson } from '../../src/io/read-geojson.ts';
import { riverRoads, UNIT } from './river-roads.ts';

describe('a hierarchy of five nodes', () => {
  // 0 – 1 – 2 – 3 a street of 1-long blocks, 0 – 3 a 5-long road, 3 → 4 (2) → 0 (1) one-way.
  const edges: [number, number, number][] = [
    [0, 1, 1], [1, 0, 1], [1, 2, 1], [2, 1, 1], [2, 3, 1], [3, 2, 1], [0, 3, 5], [3, 0, 5], [3, 4, 2], [4, 0, 1],
  ];
  const byHand = [
    [0, 1, 2, 3, 5],
    [1, 0, 1, 2, 4],
    [2, 1, 0, 1, 3],
    [3, 2, 1, 0, 2], // 3 → 0 by the street or by 4, both 3, not the 5-long road
    [1, 2, 3, 4, 0], // 4 → 3 only round by 0
  ];
  const start = new Int32Array(6);
  for (const [u] of edges) start[u + 1]++;
  for (let v = 0; v < 5; v++) start[v + 1] += start[v];
  const sorted = [...edges].sort((x, y) => x[0] - y[0]);
  const rows = { start, node: Int32Array.from(sorted, (e) => e[1]), length: Float64Array.from(sorted, (e) => e[2]), time: Float64Array.from(sorted, (e) => e[2]) };
  const h = buildHierarchy(rows, rows.length);

  it('ranks every node once', () => {
    expect([...h.rank].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('only goes up: every edge kept leads to a node contracted later (rows are numbered by rank)', () => {
    for (const side of [h.up, h.down]) {
      for (let r = 0; r < 5; r++) for (let e = side.start[r]; e < side.start[r + 1]; e++) expect(side.node[e]).toBeGreaterThan(r);
    }
    for (let v = 0; v < 5; v++) expect(h.order[h.rank[v]]).toBe(v);
  });

  it('meets at the top with the costs worked by hand', () => {
    const up = new Search(h.up, h.up.cost);
    const down = new Search(h.down, h.down.cost);
    for (let s = 0; s < 5; s++) {
      for (let t = 0; t < 5; t++) {
        up.run([h.rank[s]], [0]);
        const fromS = Float64Array.from(up.dist);
        down.run([h.rank[t]], [0]);
        let best = Infinity;
        for (let v = 0; v < 5; v++) best = Math.min(best, fromS[v] + down.dist[v]);
        expect(best, `${s} → ${t}`).toBe(byHand[s][t]);
      }
    }
  });
});

describe('the river fixture through the hierarchy', () => {
  const ways = readLineRoads(readGeoJson('river.geojson', new TextEncoder().encode(JSON.stringify(riverRoads))));
  const pts = (...xy: [number, number][]) => ({ lon: Float64Array.from(xy, (p) => p[0] / 1000), lat: Float64Array.from(xy, (p) => p[1] / 1000) });
  it('walks 5 units over the footbridge, drives 9 over the road bridge and cannot drive back', () => {
    const walk = new Router(buildGraph(ways, profileFor('walk')), 'length');
    const drive = new Router(buildGraph(ways, profileFor('drive')), 'length');
    const P = pts([1, 0]), Q = pts([2, 0]);
    expect(costMatrix(walk, P, Q, { hierarchy: walk.hierarchy() }).value[0]).toBeCloseTo(5 * UNIT, 6);
    expect(costMatrix(drive, P, Q, { hierarchy: drive.hierarchy() }).value[0]).toBeCloseTo(9 * UNIT, 6);
    expect(costMatrix(drive, Q, P, { hierarchy: drive.hierarchy() }).value).toHaveLength(0);
    // Two points on one street reach each other along it, not via its ends.
    expect(costMatrix(walk, pts([1, 1]), pts([1, 1.5]), { hierarchy: walk.hierarchy() }).value[0]).toBeCloseTo(0.5 * UNIT, 6);
  });
});

describe('Porto Alegre: the hierarchy against plain Dijkstra', () => {
  const ways = readOsmRoads('poa_osm.pbf', new Uint8Array(readFileSync(new URL('../../../shared/data/porto-alegre/poa_osm.pbf', import.meta.url))));

  /**
   * Every pair of both matrices: the same pairs with the same costs (to rounding); a pair may be
   * on one side only when its cost rounds across the bound. Returns the pairs that differ.
   */
  function differences(plain: SparseCosts, fast: SparseCosts, max = Infinity): string[] {
    const index = (m: SparseCosts): Map<number, number> => new Map(Array.from(m.value, (v, k) => [m.from[k] * 1e6 + m.to[k], v]));
    const p = index(plain), f = index(fast);
    const bad: string[] = [];
    for (const [key, v] of p) {
      const w = f.get(key);
      const ok = w === undefined ? max - v < 1e-6 : Math.abs(w - v) <= 1e-9 * Math.max(1, v);
      if (!ok) bad.push(`${Math.floor(key / 1e6)} → ${key % 1e6}: ${v} plain, ${w} hierarchy`);
    }
    for (const [key, w] of f) if (!p.has(key) && max - w >= 1e-6) bad.push(`${Math.floor(key / 1e6)} → ${key % 1e6}: only the hierarchy, ${w}`);
    return bad.slice(0, 5);
  }

  for (const [profile, metric] of [['drive', 'time'], ['walk', 'length']] as const) {
    it(`${profile} by ${metric}: 30 origins to every other node of the network, ${profile === 'drive' ? 'both directions, ' : ''}bounded and not`, () => {
      const router = new Router(buildGraph(ways, profileFor(profile)), metric);
      const hierarchy = router.hierarchy();
      const { nodeLon, nodeLat } = router.graph;
      const n = nodeLon.length;
      // Every other node (~19 000 of the walk graph's 37 879): half the test's time on this shared machine.
      const every = { lon: nodeLon.filter((_, v) => v % 2 === 0), lat: nodeLat.filter((_, v) => v % 2 === 0) };
      const step = Math.floor(n / 30);
      const origins = { lon: Float64Array.from({ length: 30 }, (_, i) => nodeLon[i * step] + 0.0004), lat: Float64Array.from({ length: 30 }, (_, i) => nodeLat[i * step] - 0.0003) };
      // Walking is symmetric: one direction is enough there.
      for (const direction of profile === 'drive' ? (['from', 'to'] as const) : (['from'] as const)) {
        const plain = costMatrix(router, origins, every, { direction });
        expect(plain.value.length).toBeGreaterThan(0.9 * 30 * router.index.snap(every, 500).segment.filter((s) => s >= 0).length);
        expect(differences(plain, costMatrix(router, origins, every, { direction, hierarchy }))).toEqual([]);
      }
      const max = metric === 'time' ? 300 : 2000;
      // Bounded: every third node is enough to cross the bound many times.
      const some = { lon: nodeLon.filter((_, v) => v % 3 === 0), lat: nodeLat.filter((_, v) => v % 3 === 0) };
      const bounded = costMatrix(router, origins, some, { max });
      expect(bounded.value.length).toBeGreaterThan(30 * 10);
      expect(differences(bounded, costMatrix(router, origins, some, { max, hierarchy }), max)).toEqual([]);
    });
  }
});
