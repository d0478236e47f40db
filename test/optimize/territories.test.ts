/**
 * Territories on fixtures worked by hand: nearest and balanced assignment, the conflicts between
 * trade areas with the demand they share, polygons that tile the study box; then the command on
 * the sample city.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { problemFromCostMatrix } from '../../src/optimize/index.ts';
import { territories } from '../../src/optimize/territories.ts';
import { territoryPolygons } from '../../src/optimize/territory-polygons.ts';
import { REPO } from './cli-run.ts';

/** Points and outlets on a line (km), cost = |x − y|. */
function line(points: number[], weights: number[], outlets: number[], ids: string[]) {
  const cost = Float64Array.from(points.flatMap((x) => outlets.map((y) => Math.abs(x - y))));
  return problemFromCostMatrix({ model: 'pmedian', cost, n: points.length, m: outlets.length, weights: Float64Array.from(weights), p: 1, facilityIds: ids }).costs;
}

describe('territories', () => {
  it('nearest: each point to its nearest outlet; share and balance from the weights', () => {
    const costs = line([0, 1, 2, 10], [1, 1, 1, 3], [0.5, 9.5], ['A', 'B']);
    const r = territories(costs, { tradeRadius: 2 });
    expect(Array.from(r.assignment)).toEqual([0, 0, 0, 1]);
    expect(r.territories.map((t) => [t.id, t.demand, t.share, t.balance, t.points])).toEqual([['A', 3, 0.5, 1, 3], ['B', 3, 0.5, 1, 1]]);
    expect(r.conflicts).toEqual([]);
  });

  it('conflicts: A at 0.5 and C at 1.5 both reach the points at 0, 1, 2 within 2 km (weight 3, all of each trade area)', () => {
    const costs = line([0, 1, 2, 10], [1, 1, 1, 3], [0.5, 9.5, 1.5], ['A', 'B', 'C']);
    const r = territories(costs, { tradeRadius: 2 });
    expect(r.conflicts).toEqual([{ a: 'A', b: 'C', shared: 3, shareOfSmaller: 1 }]);
    expect(r.territories.map((t) => t.tradeArea)).toEqual([3, 3, 3]);
    // A threshold of 100 % still keeps it: the shared demand is all of each trade area.
    expect(territories(costs, { tradeRadius: 2, conflictShare: 1 }).conflicts).toHaveLength(1);
  });

  it('balanced: the farthest of A\'s points move to B until the loads are as even as they can be', () => {
    // Nearest gives A the points 0, 1, 2, 3 (load 4) and B the point 10 (load 1); the mean is 2.5.
    const costs = line([0, 1, 2, 3, 10], [1, 1, 1, 1, 1], [0.5, 9.5], ['A', 'B']);
    const r = territories(costs, { tradeRadius: 3, rule: 'balanced' });
    const loads = r.territories.map((t) => t.demand).sort();
    expect(loads).toEqual([2, 3]);
    expect(r.assignment[3]).toBe(1); // 3 goes before 2: it is the nearer of A's points to B
    expect(r.assignment[0]).toBe(0);
  });
});

/** A 3 × 3 grid 0.01° apart; outlets at the left and right columns, the middle column to the left one. */
function grid() {
  const lon = Float64Array.of(0, 0.01, 0.02, 0, 0.01, 0.02, 0, 0.01, 0.02);
  const lat = Float64Array.of(0, 0, 0, 0.01, 0.01, 0.01, 0.02, 0.02, 0.02);
  const assignment = Int32Array.of(0, 0, 1, 0, 0, 1, 0, 0, 1);
  const result = { assignment, unassigned: 0, conflicts: [], territories: [{ id: 'L', demand: 6, share: 6 / 9, balance: 4 / 3, points: 6, tradeArea: 6 }, { id: 'R', demand: 3, share: 1 / 3, balance: 2 / 3, points: 3, tradeArea: 3 }] };
  return { lon, lat, result };
}

describe('territory polygons', () => {
  it('dissolve the demand points\' Voronoi cells per outlet and tile the study box', () => {
    const { lon, lat, result } = grid();
    const polys = territoryPolygons({ lon, lat }, result, 0.005);
    expect(polys.map((p) => [p.properties.outlet, p.geometry.type])).toEqual([['L', 'Polygon'], ['R', 'Polygon']]);
    const shoelace = (ring: number[][]) => Math.abs(ring.reduce((s, [x, y], k) => s + (k > 0 ? ring[k - 1][0] * y - x * ring[k - 1][1] : 0), 0)) / 2;
    const area = polys.map((p) => shoelace((p.geometry as { coordinates: number[][][] }).coordinates[0]));
    // Box −0.005…0.025 on both axes; the cells split at x = 0.015: L is 0.02 × 0.03, R 0.01 × 0.03.
    expect(area[0]).toBeCloseTo(0.02 * 0.03, 9);
    expect(area[1]).toBeCloseTo(0.01 * 0.03, 9);
  });
});

describe('territory polygons clipped to the study area', () => {
  it('the same grid cut by a study area ending at x = 0.01: L keeps 0.015 × 0.03, R (wholly outside) is dropped', () => {
    const { lon, lat, result } = grid();
    // Two districts side by side, −0.01…0.005 and 0.005…0.01 in x, −0.01…0.03 in y: their union is one box.
    const box = (x0: number, x1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, -0.01], [x1, -0.01], [x1, 0.03], [x0, 0.03], [x0, -0.01]]] });
    const polys = territoryPolygons({ lon, lat }, result, 0.005, [box(-0.01, 0.005), box(0.005, 0.01)]);
    expect(polys.map((p) => p.properties.outlet)).toEqual(['L']);
    const ring = (polys[0].geometry as { coordinates: number[][][] }).coordinates[0];
    const shoelace = Math.abs(ring.reduce((s, [x, y], k) => s + (k > 0 ? ring[k - 1][0] * y - x * ring[k - 1][1] : 0), 0)) / 2;
    // L's cells span x −0.005…0.015 and y −0.005…0.025; the study area cuts x at 0.01.
    expect(shoelace).toBeCloseTo(0.015 * 0.03, 9);
  });
});

describe('siteselect territories on the sample city', () => {
  it('gives all 170 outlets a territory, shares summing to 1, conflicts largest first, polygons written', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'terr-')), 'territories.geojson');
    let stdout = '';
    let stderr = '';
    const code = await main(['territories', '--bundle', 'data/sample', '--radius', '800', '--out', out, '--json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, cwd: REPO });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const s = JSON.parse(stdout) as { territories: { share: number; balance: number }[]; conflicts: { shared: number; shareOfSmaller: number }[] };
    expect(s.territories).toHaveLength(170);
    expect(s.territories.reduce((a, t) => a + t.share, 0)).toBeCloseTo(1, 9);
    expect(s.territories.reduce((a, t) => a + t.balance, 0)).toBeCloseTo(170, 6);
    for (let k = 1; k < s.conflicts.length; k++) expect(s.conflicts[k].shared).toBeLessThanOrEqual(s.conflicts[k - 1].shared);
    for (const c of s.conflicts) expect(c.shareOfSmaller).toBeGreaterThanOrEqual(0.1);
    const geo = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { outlet: string } }[] };
    expect(new Set(geo.features.map((f) => f.properties.outlet)).size).toBe(geo.features.length);
    expect(geo.features.length).toBeGreaterThan(160); // an outlet whose every point is nearer another has none
  }, 120_000);
});
