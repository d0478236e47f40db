import { describe, expect, it } from 'vitest';
import { arealDemand, siteDemand } from '../../src/criteria/demand.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { line, weighted } from './fixture.ts';

const kernel = createKernel();
// One site at 0; demand at 500 m (100), 999 m (50), 1001 m (1000, outside R = 1 km) and −800 m (10).
const site = line([0]);
const demand = weighted([500, 999, 1001, -800], [100, 50, 1000, 10]);
const R = 1000;

describe('demand, site form', () => {
  it('uniform: 100 + 50 + 10 = 160 (the 1001 m point is outside)', async () => {
    expect((await siteDemand(kernel, site, demand, { radius: R, decay: { kind: 'uniform' } }))[0]).toBeCloseTo(160, 6);
  });

  it('linear taper to R: 100·0.5 + 50·0.001 + 10·0.2 = 52.05', async () => {
    expect((await siteDemand(kernel, site, demand, { radius: R, decay: { kind: 'linear' } }))[0]).toBeCloseTo(52.05, 6);
  });

  it('exponential λ = 1 km: 100e^−0.5 + 50e^−0.999 + 10e^−0.8', async () => {
    const expected = 100 * Math.exp(-0.5) + 50 * Math.exp(-0.999) + 10 * Math.exp(-0.8); // ≈ 83.573
    expect((await siteDemand(kernel, site, demand, { radius: R, decay: { kind: 'exponential', lambda: 1000 } }))[0]).toBeCloseTo(expected, 6);
  });

  it('power β = 1 with a 50 m floor: 100/500 + 50/999 + 10/800', async () => {
    const expected = 100 / 500 + 50 / 999 + 10 / 800;
    expect((await siteDemand(kernel, site, demand, { radius: R, decay: { kind: 'power', beta: 1, floor: 50 } }))[0]).toBeCloseTo(expected, 9);
  });

  it('Gaussian σ = 500 m: 100e^−0.5 + 50e^−(999²/500 000) + 10e^−1.28', async () => {
    const expected = 100 * Math.exp(-0.5) + 50 * Math.exp(-(999 ** 2) / (2 * 500 ** 2)) + 10 * Math.exp(-1.28);
    expect((await siteDemand(kernel, site, demand, { radius: R, decay: { kind: 'gaussian', sigma: 500 } }))[0]).toBeCloseTo(expected, 6);
  });
});

describe('demand, areal form', () => {
  it('total and per km²: area 0 holds 100 + 300, area 1 holds 50; area 2 nothing', () => {
    const pointArea = Int32Array.from([0, 0, 1, -1]);
    const { total, density } = arealDemand(pointArea, Float64Array.from([100, 300, 50, 999]), Float64Array.from([2, 0.5, 4]));
    expect([...total]).toEqual([400, 50, 0]);
    expect([...density]).toEqual([200, 100, 0]);
  });
});
