/**
 * Hand fixtures. Points sit on the equator and on the meridian through (0, 0), where the haversine
 * distance is exactly R·Δangle, so every expected value below can be worked out on paper.
 */
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M } from '../../src/geo/haversine.ts';
import { createKernel } from '../../src/kernel/index.ts';

const DEG_PER_M = 180 / (Math.PI * EARTH_RADIUS_M);
const pts = (coords: [number, number][], weight?: number[]) => ({
  lon: Float64Array.from(coords, (c) => c[0]),
  lat: Float64Array.from(coords, (c) => c[1]),
  weight: Float64Array.from(weight ?? coords.map(() => 1)),
});
// One query at (0, 0); sources 500 m east (w 2), 999 m north (w 3), 1001 m west (w 5), 3000 m south (w 7).
const query = pts([[0, 0]]);
const sources = pts([[500 * DEG_PER_M, 0], [0, 999 * DEG_PER_M], [-1001 * DEG_PER_M, 0], [0, -3000 * DEG_PER_M]], [2, 3, 5, 7]);

describe('sumWithin (hand fixture)', () => {
  const kernel = createKernel();
  it('uniform within 1 km sums the 500 m and 999 m points: 2 + 3 = 5', async () => {
    expect((await kernel.sumWithin(query, sources, 1000, { kind: 'uniform' }))[0]).toBe(5);
  });
  it('radius is inclusive: within 3000 m the 3000 m point counts (2 + 3 + 5 + 7 = 17)', async () => {
    expect((await kernel.sumWithin(query, sources, 3000, { kind: 'uniform' }))[0]).toBe(17);
  });
  it('exponential λ = 1000 m within 3 km: 2e^-0.5 + 3e^-0.999 + 5e^-1.001 + 7e^-3', async () => {
    const expected = 2 * Math.exp(-0.5) + 3 * Math.exp(-0.999) + 5 * Math.exp(-1.001) + 7 * Math.exp(-3);
    const got = (await kernel.sumWithin(query, sources, 3000, { kind: 'exponential', lambda: 1000 }))[0];
    expect(got).toBeCloseTo(expected, 9); // ≈ 4.04906
  });
  it('linear taper to 2 km: 2·(1 − 0.25) + 3·(1 − 0.4995) + 5·(1 − 0.5005)', async () => {
    const got = (await kernel.sumWithin(query, sources, 2000, { kind: 'linear' }))[0];
    expect(got).toBeCloseTo(2 * 0.75 + 3 * 0.5005 + 5 * 0.4995, 9);
  });
  it('power β = 2 with floor 600 m: 2/600² + 3/999² + 5/1001² within 2 km', async () => {
    const got = (await kernel.sumWithin(query, sources, 2000, { kind: 'power', beta: 2, floor: 600 }))[0];
    expect(got / (2 / 600 ** 2 + 3 / 999 ** 2 + 5 / 1001 ** 2)).toBeCloseTo(1, 12);
  });
  it('gaussian σ = 1000 m within 1 km: 2e^-0.125 + 3e^-(0.999²/2)', async () => {
    const got = (await kernel.sumWithin(query, sources, 1000, { kind: 'gaussian', sigma: 1000 }))[0];
    expect(got).toBeCloseTo(2 * Math.exp(-0.125) + 3 * Math.exp(-(0.999 ** 2) / 2), 9);
  });
  it('a query with no source in range gets 0', async () => {
    expect((await kernel.sumWithin(pts([[10, 10]]), sources, 1000, { kind: 'uniform' }))[0]).toBe(0);
  });
});

describe('nearest (hand fixture)', () => {
  const kernel = createKernel();
  it('is 500 m from (0,0) and 0 m at a source itself', async () => {
    const got = await kernel.nearest(pts([[0, 0], [0, -3000 * DEG_PER_M]]), sources);
    expect(got[0]).toBeCloseTo(500, 6);
    expect(got[1]).toBe(0);
  });
  it('finds a source far away (one degree of latitude, 111 195.08 m) and Infinity with no sources', async () => {
    expect((await kernel.nearest(pts([[0, 0]]), pts([[0, 1]])))[0]).toBeCloseTo((Math.PI * EARTH_RADIUS_M) / 180, 5);
    expect((await kernel.nearest(pts([[0, 0]]), pts([])))[0]).toBe(Infinity);
  });
  it('looks across the antimeridian: 179.999 E to 179.999 W on the equator is 0.002° ≈ 222.39 m', async () => {
    const got = await kernel.nearest(pts([[179.999, 0]]), pts([[-179.999, 0], [179, 0]]));
    expect(got[0]).toBeCloseTo((0.002 * Math.PI * EARTH_RADIUS_M) / 180, 4);
  });
});

describe('Huff (hand fixture)', () => {
  const kernel = createKernel();
  const params = { cutoff: 5000, beta: 2, floor: 50 };
  it('pressure: 2/500² + 3/999² + 5/1001² + 7/3000², and the floor turns 20 m into 50 m', async () => {
    const s = await kernel.huffPressure(pts([[0, 0], [500 * DEG_PER_M, 20 * DEG_PER_M]]), sources, params);
    expect(s[0] / (2 / 500 ** 2 + 3 / 999 ** 2 + 5 / 1001 ** 2 + 7 / 3000 ** 2)).toBeCloseTo(1, 12);
    // From (500 m E, 20 m N): the east source is 20 m away → floored to 50 m: 2/2500 dominates.
    expect(s[1]).toBeGreaterThan(2 / 2500);
    expect(s[1]).toBeLessThan(2 / 2500 + (3 + 5 + 7) / 400 ** 2);
  });
  it('one demand point (w 100, S = 1e-6): a candidate 1000 m away with a = 1 takes half', async () => {
    // t = 1/1000² = 1e-6 = S → P = 0.5 → capture 50. All pressure own (O = S):
    // cannibalisation = 100·1e-6·(1/1e-6 − 1/2e-6) = 50.
    const demand = pts([[0, 0]], [100]);
    const cands = pts([[0, 1000 * DEG_PER_M], [0, 20 * DEG_PER_M], [0, 6000 * DEG_PER_M]], [1, 1, 1]);
    const r = await kernel.huffCandidates(cands, demand, Float64Array.of(1e-6), Float64Array.of(1e-6), params);
    expect(r.capture[0]).toBeCloseTo(50, 9);
    expect(r.cannibalisation[0]).toBeCloseTo(50, 9);
    // 20 m → floored 50 m: t = 1/2500 = 4e-4, P = 4e-4/(4e-4 + 1e-6) = 400/401.
    expect(r.capture[1]).toBeCloseTo((100 * 400) / 401, 9);
    // 6 km is beyond the 5 km cut-off: nothing.
    expect(r.capture[2]).toBe(0);
  });
  it('a demand point with no pressure at all goes wholly to the candidate, with no cannibalisation', async () => {
    const r = await kernel.huffCandidates(pts([[0, 0.001]]), pts([[0, 0]], [40]), new Float64Array(1), new Float64Array(1), params);
    expect(r.capture[0]).toBe(40);
    expect(r.cannibalisation[0]).toBe(0);
  });
});
