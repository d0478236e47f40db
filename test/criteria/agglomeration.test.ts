import { describe, expect, it } from 'vitest';
import { arealAgglomeration, siteAgglomeration, weightedPois } from '../../src/criteria/agglomeration.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { line, pointLayer } from './fixture.ts';

const kernel = createKernel();
// Site at 0: restaurant 300 m, grocery 600 m (own weight 1.5), bank 200 m, restaurant 1200 m (outside 1 km).
const pois = pointLayer('pois', [
  { id: 'p1', x: 300, text: { category: 'Restaurant' } },
  { id: 'p2', x: 600, text: { category: 'grocery' }, numeric: { weight: 1.5 } },
  { id: 'p3', x: 200, text: { category: 'bank' } },
  { id: 'p4', x: 1200, text: { category: 'restaurant' } },
]);
const uniform = { radius: 1000, decay: { kind: 'uniform' as const } };

describe('agglomeration', () => {
  it('site form: restaurants ×2 and groceries within 1 km → 2·1 + 1·1.5 = 3.5 (bank not chosen)', async () => {
    const { points } = weightedPois(pois, { categories: ['restaurant', 'grocery'], categoryWeights: { restaurant: 2 } });
    expect(points.lon.length).toBe(3);
    expect((await siteAgglomeration(kernel, line([0]), points, uniform))[0]).toBe(3.5);
  });

  it('no category list takes every POI at weight 1 × own weight: 1 + 1.5 + 1 = 3.5 within 1 km', async () => {
    const { points } = weightedPois(pois, {});
    expect((await siteAgglomeration(kernel, line([0]), points, uniform))[0]).toBe(3.5);
  });

  it('areal form: weighted POIs per km²', () => {
    expect([...arealAgglomeration(Int32Array.of(0, 0, 1, -1), Float64Array.of(1, 1.5, 1, 9), Float64Array.of(0.5, 2))]).toEqual([5, 0.5]);
  });
});
