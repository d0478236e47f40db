/** Properties of the Huff model that hold for any instance (DESIGN §3). */
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/kernel/index.ts';
import { mulberry32, randomPoints } from './instances.ts';

const params = { cutoff: 5000, beta: 2, floor: 50 };
const kernel = createKernel();
const rnd = mulberry32(23);
const demand = randomPoints(rnd, 2000, 121.47, 31.23, 8);
const competitors = randomPoints(rnd, 60, 121.47, 31.23, 8);
const candidates = { ...randomPoints(rnd, 50, 121.47, 31.23, 8), weight: new Float64Array(50).fill(1) };

describe('Huff properties', () => {
  it('capture never exceeds the demand within the cut-off (each P_ic ≤ 1)', async () => {
    const s = await kernel.huffPressure(demand, competitors, params);
    const { capture } = await kernel.huffCandidates(candidates, demand, s, new Float64Array(s.length), params);
    const inRange = await kernel.sumWithin(candidates, demand, params.cutoff, { kind: 'uniform' });
    for (let c = 0; c < capture.length; c++) {
      expect(capture[c]).toBeGreaterThan(0);
      expect(capture[c]).toBeLessThanOrEqual(inRange[c]);
    }
  });

  it('adding a competitor never raises any capture', async () => {
    const s = await kernel.huffPressure(demand, competitors, params);
    const more = {
      lon: Float64Array.of(...competitors.lon, 121.47), lat: Float64Array.of(...competitors.lat, 31.23),
      weight: Float64Array.of(...competitors.weight, 5),
    };
    const s2 = await kernel.huffPressure(demand, more, params);
    const zero = new Float64Array(s.length);
    const before = (await kernel.huffCandidates(candidates, demand, s, zero, params)).capture;
    const after = (await kernel.huffCandidates(candidates, demand, s2, zero, params)).capture;
    let lower = 0;
    for (let c = 0; c < before.length; c++) {
      // A new outlet changes the grid and so the order of the sums: equal captures may differ by
      // rounding (an ulp or two); a real rise would be far larger.
      expect(after[c]).toBeLessThanOrEqual(before[c] * (1 + 1e-13));
      if (after[c] < before[c] * (1 - 1e-13)) lower++;
    }
    expect(lower).toBeGreaterThan(0); // a 5-attractiveness outlet in the middle must bite somewhere
  });

  it('cannibalisation is 0 with no own pressure, and ≤ capture when own ≤ total', async () => {
    const s = await kernel.huffPressure(demand, competitors, params);
    const none = await kernel.huffCandidates(candidates, demand, s, new Float64Array(s.length), params);
    expect(Array.from(none.cannibalisation).every((v) => v === 0)).toBe(true);
    // O_i(1/S − 1/(S+t)) = (O_i/S)·t/(S+t) ≤ t/(S+t): with O = S/2 cannibalisation is exactly half the capture.
    const half = await kernel.huffCandidates(candidates, demand, s, s.map((v) => v / 2), params);
    for (let c = 0; c < half.capture.length; c++) {
      expect(half.cannibalisation[c]).toBeCloseTo(half.capture[c] / 2, 9);
    }
  });
});
