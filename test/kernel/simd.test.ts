/**
 * The WebAssembly SIMD scans (src/kernel/wasm): they load in Node, give hand-worked sums on tiny
 * cases (odd slice lengths exercise the masked second lane), and equal the JS scans they replace.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { haversine } from '../../src/geo/haversine.ts';
import { buildGrid } from '../../src/kernel/grid.ts';
import { createKernel } from '../../src/kernel/index.ts';
import type { SiteKernel, WeightedPoints } from '../../src/kernel/types.ts';
import { bindSimd, setSimdEnabled } from '../../src/kernel/wasm/simd-scans.ts';
import { destination, instance } from './instances.ts';

const LON = 121.47, LAT = 31.23;
const query = { lon: Float64Array.of(LON), lat: Float64Array.of(LAT) };

/** Sources at the given distances (metres) from the query, bearings spread round the compass. */
function ring(metres: number[], weights: number[]): WeightedPoints {
  const points = metres.map((m, j) => destination(LON, LAT, (j * 137) % 360, m));
  return { lon: Float64Array.from(points, (p) => p[0]), lat: Float64Array.from(points, (p) => p[1]), weight: Float64Array.from(weights) };
}

function relative(got: number, want: number): number {
  return got === want ? 0 : Math.abs(got - want) / Math.abs(want);
}

afterEach(() => setSimdEnabled(true));

describe('SIMD scans', () => {
  it('instantiate in Node (otherwise every kernel call silently takes the JS scans)', () => {
    const sources = ring([100, 200, 300], [1, 1, 1]);
    expect(bindSimd(buildGrid(sources), [sources.weight], 8)).not.toBeNull();
    setSimdEnabled(false);
    expect(bindSimd(buildGrid(sources), [sources.weight], 8)).toBeNull();
  });

  // Points placed at nominal distances are off by rounding of their coordinates (~1e-9 m), so the
  // hand-worked sums hold to ~1e-11, not to the last bit.
  it('sum hand-worked cases: 1, 2 and 3 sources (a lone lane, a full pair, a pair and a lone lane)', async () => {
    const kernel = createKernel();
    // Uniform 1 km: 100 m and 900 m count, 1 100 m does not: 2 + 3 = 5.
    expect(await kernel.sumWithin(query, ring([100, 900, 1100], [2, 3, 5]), 1000, { kind: 'uniform' })).toEqual(Float64Array.of(5));
    expect(await kernel.sumWithin(query, ring([400], [7]), 1000, { kind: 'uniform' })).toEqual(Float64Array.of(7));
    // 8 000 km also reaches the spare slot after the lone source (the origin, chord² 1): the lane mask drops it.
    expect(await kernel.sumWithin(query, ring([400], [7]), 8_000_000, { kind: 'uniform' })).toEqual(Float64Array.of(7));
    // Exponential, λ = 1 km, 3 km: 2·e^−0.1 + 3·e^−0.9 + 5·e^−1.1 = 1.809675 + 1.219709 + 1.664355 = 4.693739…
    const [exponential] = await kernel.sumWithin(query, ring([100, 900, 1100], [2, 3, 5]), 3000, { kind: 'exponential', lambda: 1000 });
    expect(relative(exponential, 2 * Math.exp(-0.1) + 3 * Math.exp(-0.9) + 5 * Math.exp(-1.1))).toBeLessThan(1e-10);
    expect(exponential).toBeCloseTo(4.693739, 5);
    // Huff pressure, β = 2, floor 50 m, cut-off 5 km: 30 m counts as 50 m, 6 km is out:
    // 2/50² + 3/1000² = 8e-4 + 3e-6 = 8.03e-4.
    const [pressure] = await kernel.huffPressure(query, ring([30, 1000, 6000], [2, 3, 4]), { cutoff: 5000, beta: 2, floor: 50 });
    expect(relative(pressure, 2 / 2500 + 3 / 1e6)).toBeLessThan(1e-10);
    // Capture of a candidate (a = 1) from demand 400 at 1 km with S = 1e-6 and 600 at 2 km with S = 3e-6:
    // 400/(1 + 1e-6·1e6) + 600/(1 + 3e-6·4e6) = 200 + 600/13 = 246.153846…
    const demand = ring([1000, 2000], [400, 600]);
    const { capture } = await kernel.huffCandidates({ ...query, weight: Float64Array.of(1) }, demand, Float64Array.of(1e-6, 3e-6),
      new Float64Array(2), { cutoff: 5000, beta: 2, floor: 50 });
    expect(relative(capture[0], 200 + 600 / 13)).toBeLessThan(1e-10);
  });

  it('Huff for any β, worked by hand with β = 1.5 (SIMD and the JS loop): pressure, capture and cannibalisation', async () => {
    const params = { cutoff: 5000, beta: 1.5, floor: 50 };
    // Pressure: 30 m counts as 50 m, 6 km is out: 2·50^−1.5 + 3·1000^−1.5 = 0.0056569 + 0.0000949 = 0.0057517.
    // Capture (a = 1): 400 at 1 km with S = 1000^−1.5 (P = ½) and 600 at 2 km with S = 3·2000^−1.5 (P = ¼): 200 + 150.
    // With the own network holding half of each S: cannibalisation = 400·½·½ + 600·½·¼ = 175.
    const demand = ring([1000, 2000], [400, 600]);
    const total = Float64Array.of(1000 ** -1.5, 3 * 2000 ** -1.5);
    for (const simd of [true, false]) {
      setSimdEnabled(simd);
      const kernel = createKernel();
      const [pressure] = await kernel.huffPressure(query, ring([30, 1000, 6000], [2, 3, 4]), params);
      expect(relative(pressure, 2 * 50 ** -1.5 + 3 * 1000 ** -1.5)).toBeLessThan(1e-10);
      expect(pressure).toBeCloseTo(0.0057517, 7);
      const { capture, cannibalisation } = await kernel.huffCandidates({ ...query, weight: Float64Array.of(1) }, demand, total, total.map((s) => s / 2), params);
      expect(relative(capture[0], 350)).toBeLessThan(1e-10);
      expect(relative(cannibalisation[0], 175)).toBeLessThan(1e-10);
    }
  });

  for (const beta of [1, 1.5, 2.7]) {
    it(`Huff with β = ${beta}: the SIMD scans equal the JS loops to 1e-12 on a seeded instance`, async () => {
      const { queries, sources } = instance(37, 120, 2500, [1000, 3000, 5000]);
      const candidates = { ...queries, weight: queries.weight.map((w) => w / 3) };
      const params = { cutoff: 5000, beta, floor: 50 };
      const run = async (kernel: SiteKernel) => {
        const pressure = await kernel.huffPressure(sources, queries, params);
        const withOwn = await kernel.huffCandidates(candidates, sources, pressure, pressure.map((p) => p / 4), params);
        const alone = await kernel.huffCandidates(candidates, sources, pressure, new Float64Array(pressure.length), params);
        return [pressure, withOwn.capture, withOwn.cannibalisation, alone.capture];
      };
      const simd = await run(createKernel());
      setSimdEnabled(false);
      const js = await run(createKernel());
      for (let k = 0; k < simd.length; k++) {
        expect(js[k].some((v) => v > 0)).toBe(true);
        for (let i = 0; i < js[k].length; i++) expect(relative(simd[k][i], js[k][i])).toBeLessThan(1e-12);
      }
    });
  }

  it('e^(−d/λ) is exact for d/λ up to 700 (to the rounding of x itself), and 0 beyond (terms under 1e-304)', async () => {
    const kernel = createKernel();
    const lambda = 4;
    for (let x = 0.5; x < 760; x += 11.3) {
      const sources = ring([x * lambda], [3]);
      const [got] = await kernel.sumWithin(query, sources, 3100, { kind: 'exponential', lambda });
      // The distance the kernels measure (the same unit-vector chord), so mostly the exponential is
      // compared; x still carries a few roundings (arc series, ·1/λ), each a relative error of ~x·1.1e-16 in e^−x.
      const [d] = await kernel.nearest(query, sources);
      expect(relative(d, haversine(LON, LAT, sources.lon[0], sources.lat[0]))).toBeLessThan(1e-9);
      if (x <= 699) expect(relative(got, 3 * Math.exp(-d / lambda))).toBeLessThan(6e-16 * (1 + d / lambda) + 1e-15);
      else if (x > 701) expect(got).toBe(0);
    }
  });

  it('equal the JS scans (every decay with a SIMD scan, Huff with and without an own network) on a seeded instance with points 0.1 mm either side of each radius', async () => {
    const { queries, sources } = instance(31, 120, 2500, [1000, 3000, 5000]);
    const candidates = { ...queries, weight: queries.weight.map((w) => w / 3) };
    const params = { cutoff: 5000, beta: 2, floor: 50 };
    const run = async (kernel: SiteKernel) => {
      const pressure = await kernel.huffPressure(sources, queries, params);
      const withOwn = await kernel.huffCandidates(candidates, sources, pressure, pressure.map((p) => p / 4), params);
      return [
        await kernel.sumWithin(queries, sources, 1000, { kind: 'uniform' }),
        await kernel.sumWithin(queries, sources, 3000, { kind: 'exponential', lambda: 1000 }),
        await kernel.sumWithin(queries, sources, 3000, { kind: 'gaussian', sigma: 700 }),
        await kernel.sumWithin(queries, sources, 5000, { kind: 'linear' }),
        await kernel.sumWithin(queries, sources, 3000, { kind: 'power', beta: 2, floor: 50 }),
        await kernel.huffPressure(queries, sources, params),
        pressure,
        (await kernel.huffCandidates(candidates, sources, pressure, new Float64Array(pressure.length), params)).capture,
        withOwn.capture,
        withOwn.cannibalisation,
      ];
    };
    const simd = await run(createKernel());
    setSimdEnabled(false);
    const js = await run(createKernel());
    expect(Array.from(simd[0])).toEqual(Array.from(js[0])); // counts: identical
    for (let k = 1; k < simd.length; k++) {
      for (let i = 0; i < js[k].length; i++) expect(relative(simd[k][i], js[k][i])).toBeLessThan(1e-12);
    }
  });
});
