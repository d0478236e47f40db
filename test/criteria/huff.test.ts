import { describe, expect, it } from 'vitest';
import { arealHuffShare, huffPressures, siteHuff, type HuffModel } from '../../src/criteria/huff.ts';
import { huffCaptures, huffProbabilities } from '../../src/criteria/huff-matrix.ts';
import { haversine } from '../../src/geo/haversine.ts';
import { createKernel } from '../../src/kernel/index.ts';
import type { WeightedPoints } from '../../src/kernel/types.ts';
import { weighted } from './fixture.ts';

const kernel = createKernel();
const model: HuffModel = { alpha: 1, beta: 2, cutoff: 5000, floor: 50 };
const none = weighted([], []);

/*
 * Three outlets around demand point D (x = 0, w = 1000): own A at +1000 m (A = 1), competitor B at
 * −2000 m (A = 4), candidate C at +500 m (A = 1). Utilities A·d^−2: A 1e−6, B 4/4e6 = 1e−6, C 4e−6.
 * P_A = 1/6, P_B = 1/6, P_C = 4/6.  capture(C) = 1000 · 2/3 = 666.667.
 * Own capture without C: 1000 · 1/2 = 500; with C: 1000/6 = 166.667 → cannibalisation 333.333,
 * net gain 333.333.
 * Demand E (x = 6000, w = 300) is 5500 m from C (beyond the 5 km cut-off) and exactly 5000 m from A
 * (inside: the test is inclusive), so C captures nothing of it and takes nothing from A there.
 */
const demand = weighted([0, 6000], [1000, 300]);
const own = weighted([1000], [1]);
const competitors = weighted([-2000], [4]);
const candidate = weighted([500], [1]);

describe('Huff with three outlets (hand-worked)', () => {
  it('capture, cannibalisation, net gain of the candidate', async () => {
    const r = await siteHuff(kernel, candidate, demand, own, competitors, model);
    expect(r.capture[0]).toBeCloseTo(2000 / 3, 6);
    expect(r.cannibalisation[0]).toBeCloseTo(1000 / 3, 6);
    expect(r.netGain[0]).toBeCloseTo(1000 / 3, 6);
  });

  it('the pairwise reference gives P = 1/6, 1/6, 2/3 for D and 1 for A at E', () => {
    const outlets: WeightedPoints = { lon: Float64Array.of(own.lon[0], competitors.lon[0], candidate.lon[0]), lat: new Float64Array(3), weight: Float64Array.of(1, 4, 1) };
    const p = huffProbabilities(demand, outlets, model);
    expect(p[0]).toBeCloseTo(1 / 6, 12);
    expect(p[1]).toBeCloseTo(1 / 6, 12);
    expect(p[2]).toBeCloseTo(2 / 3, 12);
    expect([p[3], p[4], p[5]]).toEqual([1, 0, 0]);
    // own A: 1000/6 + 300 captured after C opens
    expect(huffCaptures(demand, outlets, model)[0]).toBeCloseTo(1000 / 6 + 300, 9);
  });

  it('α = 2 squares attractiveness: B becomes 16/4e6 = 4e−6, so P_C = 4/9 → capture 444.444', async () => {
    const r = await siteHuff(kernel, candidate, demand, own, competitors, { ...model, alpha: 2 });
    expect(r.capture[0]).toBeCloseTo(4000 / 9, 6);
  });

  it('distances are floored: a candidate 20 m from a lone demand point counts as 50 m', async () => {
    // utilities: candidate 1/50² = 4e−4, own at 100 m 1/100² = 1e−4 → P = 0.8
    const r = await siteHuff(kernel, weighted([20], [1]), weighted([0], [10]), weighted([100], [1]), none, model);
    expect(r.capture[0]).toBeCloseTo(8, 9);
    expect(r.cannibalisation[0]).toBeCloseTo(8, 9); // own had all 10, keeps 2
  });

  it('with no other outlet in range the candidate captures all demand within the cut-off', async () => {
    const r = await siteHuff(kernel, weighted([0], [1]), weighted([100, 4999, 5001], [1, 2, 4]), none, none, model);
    expect(r.capture[0]).toBeCloseTo(3, 9);
    expect(r.cannibalisation[0]).toBe(0);
  });
});

describe('Huff properties (random instances)', () => {
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const cloud = (n: number, spread: number): WeightedPoints => ({
    lon: Float64Array.from({ length: n }, () => (random() - 0.5) * spread),
    lat: Float64Array.from({ length: n }, () => (random() - 0.5) * spread),
    weight: Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 5)),
  });

  it('probabilities of each demand point sum to 1 over the outlets in range (0 when none)', () => {
    for (let t = 0; t < 5; t++) {
      const d = cloud(60, 0.12);
      const o = cloud(15, 0.12);
      const p = huffProbabilities(d, o, model);
      for (let i = 0; i < 60; i++) {
        let sum = 0;
        let inRange = 0;
        for (let j = 0; j < 15; j++) {
          sum += p[i * 15 + j];
          if (haversine(d.lon[i], d.lat[i], o.lon[j], o.lat[j]) <= model.cutoff) inRange++;
        }
        if (inRange > 0) expect(sum).toBeCloseTo(1, 12);
        else expect(sum).toBe(0);
      }
    }
  });

  it('kernel capture = reference; candidate capture + all others = demand in range; cannibalisation = own loss', async () => {
    for (let t = 0; t < 5; t++) {
      const d = cloud(80, 0.12);
      const o = cloud(6, 0.12);
      const c = cloud(8, 0.12);
      const k = cloud(1, 0.12);
      const r = await siteHuff(kernel, k, d, o, c, model);
      const all: WeightedPoints = {
        lon: Float64Array.of(...o.lon, ...c.lon, ...k.lon), lat: Float64Array.of(...o.lat, ...c.lat, ...k.lat), weight: Float64Array.of(...o.weight, ...c.weight, ...k.weight),
      };
      const captures = huffCaptures(d, all, model);
      const candidateCapture = captures[all.lon.length - 1];
      expect(r.capture[0]).toBeCloseTo(candidateCapture, 8);
      let inRange = 0;
      for (let i = 0; i < d.lon.length; i++) {
        let any = false;
        for (let j = 0; j < all.lon.length; j++) any ||= haversine(d.lon[i], d.lat[i], all.lon[j], all.lat[j]) <= model.cutoff;
        if (any) inRange += d.weight[i];
      }
      expect(captures.reduce((a, b) => a + b, 0)).toBeCloseTo(inRange, 8);
      // own-network capture without the candidate minus with it
      const without: WeightedPoints = { lon: all.lon.slice(0, -1), lat: all.lat.slice(0, -1), weight: all.weight.slice(0, -1) };
      const ownBefore = huffCaptures(d, without, model).slice(0, 6).reduce((a, b) => a + b, 0);
      const ownAfter = captures.slice(0, 6).reduce((a, b) => a + b, 0);
      expect(r.cannibalisation[0]).toBeCloseTo(ownBefore - ownAfter, 8);
    }
  });

  it('adding a competitor never raises a candidate’s capture', async () => {
    const d = cloud(100, 0.1);
    const o = cloud(4, 0.1);
    const sites = cloud(20, 0.1);
    let comp = cloud(2, 0.1);
    let before = (await siteHuff(kernel, sites, d, o, comp, model)).capture;
    for (let t = 0; t < 6; t++) {
      const extra = cloud(1, 0.1);
      comp = { lon: Float64Array.of(...comp.lon, extra.lon[0]), lat: Float64Array.of(...comp.lat, extra.lat[0]), weight: Float64Array.of(...comp.weight, extra.weight[0]) };
      const after = (await siteHuff(kernel, sites, d, o, comp, model)).capture;
      for (let s = 0; s < 20; s++) expect(after[s]).toBeLessThanOrEqual(before[s] + 1e-9);
      before = after;
    }
  });
});

describe('huff_share, areal form', () => {
  it('share of area demand captured by the own network: Σ w·O/S / Σ w', async () => {
    // Area 0: D (w 1000) with own A and competitor B only (no candidate): O/S = 1/2 → 500 of 1000.
    // Area 1: E (w 300), only A in range → all 300 of 300.
    const p = await huffPressures(kernel, demand, own, competitors, model);
    const share = arealHuffShare(Int32Array.of(0, 1), demand.weight, p.own, p.total, 3);
    expect(share[0]).toBeCloseTo(0.5, 12);
    expect(share[1]).toBeCloseTo(1, 12);
    expect(share[2]).toBeNaN(); // no demand
  });
});
