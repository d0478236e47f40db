/**
 * The kernel against the brute-force haversine reference on seeded instances, with points placed at
 * radius·(1 ± 1e-7) of every query: counts must match exactly, sums to 1e-9 relative.
 */
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/kernel/index.ts';
import type { Decay } from '../../src/kernel/types.ts';
import { instance, mulberry32, randomPoints } from './instances.ts';
import { referenceCandidates, referenceNearest, referencePressure, referenceSumWithin } from './reference.ts';

function expectClose(got: Float64Array, want: Float64Array, rel = 1e-9): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const scale = Math.max(Math.abs(want[i]), 1e-300);
    if (Math.abs(got[i] - want[i]) > rel * scale) expect.fail(`index ${i}: got ${got[i]}, want ${want[i]}`);
  }
}

const params = { cutoff: 5000, beta: 2, floor: 50 };

describe('kernel = brute-force haversine reference', () => {
  const kernel = createKernel();
  const { queries, sources } = instance(7, 150, 3000, [1000, 3000, 5000]);

  it('uniform counts within 1 km, including the points 0.1 mm either side of the circle', async () => {
    const got = await kernel.sumWithin(queries, sources, 1000, { kind: 'uniform' });
    const want = referenceSumWithin(queries, sources, 1000, { kind: 'uniform' });
    expect(Array.from(got)).toEqual(Array.from(want));
  });

  const decays: [Decay, number][] = [
    [{ kind: 'exponential', lambda: 1000 }, 3000],
    [{ kind: 'exponential', lambda: 20 }, 2000], // d/λ up to 100: past the table, Math.exp
    [{ kind: 'power', beta: 2, floor: 50 }, 3000],
    [{ kind: 'power', beta: 1.5, floor: 100 }, 1000],
    [{ kind: 'linear' }, 5000],
    [{ kind: 'gaussian', sigma: 800 }, 3000],
  ];
  for (const [decay, radius] of decays) {
    it(`${decay.kind} ${JSON.stringify(decay)} within ${radius} m`, async () => {
      expectClose(await kernel.sumWithin(queries, sources, radius, decay), referenceSumWithin(queries, sources, radius, decay));
    });
  }

  it('nearest, from queries inside and far outside the sources', async () => {
    const rnd = mulberry32(11);
    const far = randomPoints(rnd, 40, 121.47, 31.23, 80);
    expectClose(await kernel.nearest(queries, sources), referenceNearest(queries, sources), 1e-9);
    expectClose(await kernel.nearest(far, sources), referenceNearest(far, sources), 1e-9);
  });

  it('Huff pressure (β = 2 and β = 1.5) and candidate capture / cannibalisation', async () => {
    expectClose(await kernel.huffPressure(queries, sources, params), referencePressure(queries, sources, params));
    const p15 = { ...params, beta: 1.5 };
    expectClose(await kernel.huffPressure(queries, sources, p15), referencePressure(queries, sources, p15));
    // Candidates are the queries, demand the sources; own pressure = a third of the total.
    const total = referencePressure(sources, queries, params);
    const own = total.map((s) => s / 3);
    const got = await kernel.huffCandidates(queries, sources, total, own, params);
    const want = referenceCandidates(queries, sources, total, own, params);
    expectClose(got.capture, want.capture);
    expectClose(got.cannibalisation, want.cannibalisation);
    // Without own outlets the kernel takes its β = 2 fast path; same values.
    const none = new Float64Array(total.length);
    expectClose((await kernel.huffCandidates(queries, sources, total, none, params)).capture,
      referenceCandidates(queries, sources, total, none, params).capture);
  });

  it('near the pole and across the antimeridian', async () => {
    for (const [lon, lat] of [[179.99, 10], [-179.99, -40], [30, 89.97]]) {
      const inst = instance(3, 30, 400, [1000, 5000], lat, lon, 4);
      const uniform: Decay = { kind: 'uniform' };
      expect(Array.from(await kernel.sumWithin(inst.queries, inst.sources, 5000, uniform)))
        .toEqual(Array.from(referenceSumWithin(inst.queries, inst.sources, 5000, uniform)));
      expectClose(await kernel.nearest(inst.queries, inst.sources), referenceNearest(inst.queries, inst.sources), 1e-9);
    }
  });
});
