/**
 * Huff share through the bundle door on a tiny town whose share can be written out by hand:
 * utility u = A·max(d, 50)^-2 (scenario defaults α = 1, β = 2, floor 50 m, cut-off 5 km).
 *   demand D0 (lon 0, lat 0) weight 100, D1 (0.01, 0) weight 50 — 1 112 m apart;
 *   competitor K at D1 (attractiveness 1); own branch O at (0, 0.0045) — 500 m north of D0;
 *   candidates C0 at D0's spot and C1 at (0.01, 0.0009), 100 m north of D1 (K's doorstep).
 * Share(S) = Σ_i w_i·O_i/(O_i + K_i) / 150 with O_i the own utility (branch + chosen candidate).
 */
import { describe, expect, it } from 'vitest';
import type { LoadedBundle, PointLayer } from '../../src/data/layer.ts';
import { haversine } from '../../src/geo/haversine.ts';
import { optimize, problemFromBundle } from '../../src/optimize/index.ts';

const layer = (name: PointLayer['layer'], ids: string[], pts: [number, number][], numeric: Record<string, number[]> = {}): PointLayer => ({
  kind: 'point', layer: name, ids, lon: Float64Array.from(pts, (p) => p[0]), lat: Float64Array.from(pts, (p) => p[1]),
  numeric: Object.fromEntries(Object.entries(numeric).map(([k, v]) => [k, Float64Array.from(v)])), text: {},
});

const demandPts: [number, number][] = [[0, 0], [0.01, 0]];
const bundle: LoadedBundle = {
  name: 'town', synthetic: true, reports: [],
  demand: layer('demand', ['D0', 'D1'], demandPts, { population: [100, 50] }),
  competitors: layer('competitors', ['K'], [[0.01, 0]], { attractiveness: [1] }),
  network: layer('network', ['O'], [[0, 0.0045]]),
  candidates: layer('candidates', ['C0', 'C1'], [[0, 0], [0.01, 0.0009]]),
};

const u = (a: [number, number], b: [number, number]) => Math.max(haversine(a[0], a[1], b[0], b[1]), 50) ** -2;

function share(own: [number, number][]): number {
  const w = [100, 50];
  let got = 0;
  demandPts.forEach((d, i) => {
    const o = own.reduce((s, p) => s + u(d, p), 0);
    const k = u(d, [0.01, 0]);
    got += (w[i] * o) / (o + k);
  });
  return got / 150;
}

describe('Huff share via the bundle door', () => {
  it('opens the candidate that adds the most share, counting the own branch', async () => {
    const problem = problemFromBundle(bundle, { model: 'huff', p: 1 });
    expect(problem.costs.facilityIds).toEqual(['C0', 'C1', 'own:O']);
    expect(problem.fixed).toEqual([2]);
    // K stands on D1: its utility there is the floor's, 50^-2.
    expect(problem.huff!.competitorPressure[1]).toBeCloseTo(50 ** -2, 15);
    const withC0 = share([[0, 0.0045], [0, 0]]);
    const withC1 = share([[0, 0.0045], [0.01, 0.0009]]);
    const r = await optimize(problem);
    expect(r.exact).toBe(true);
    expect(r.objective).toBeCloseTo(Math.max(withC0, withC1), 12);
    expect(r.selectedIds).toEqual(withC1 > withC0 ? ['C1', 'own:O'] : ['C0', 'own:O']);
    // The branch alone already has a share; opening a site only adds to it.
    expect(r.objective).toBeGreaterThan(share([[0, 0.0045]]));
  });
});
