import { describe, expect, it } from 'vitest';
import { arealCompetition, siteCompetition } from '../../src/criteria/competition.ts';
import { selectPoints, subset, columnOr } from '../../src/criteria/points.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { line, pointLayer } from './fixture.ts';

const kernel = createKernel();
// Site at 0; competitors: X at 300 m (A 2), Y at 900 m (A 1), x at 1500 m (A 5, outside R = 1 km).
const competitors = pointLayer('competitors', [
  { id: 'c1', x: 300, text: { brand: 'X' }, numeric: { attractiveness: 2 } },
  { id: 'c2', x: 900, text: { brand: 'Y' }, numeric: { attractiveness: 1 } },
  { id: 'c3', x: 1500, text: { brand: ' x ' }, numeric: { attractiveness: 5 } },
]);
const uniform = { radius: 1000, decay: { kind: 'uniform' as const } };

describe('competition, site form', () => {
  it('counts 2 within 1 km; the nearest is 300 m away', async () => {
    const all = subset(competitors, selectPoints(competitors, []));
    const { count, nearest } = await siteCompetition(kernel, line([0]), all, uniform);
    expect(count[0]).toBe(2);
    expect(nearest[0]).toBeCloseTo(300, 6);
  });

  it('weighted by attractiveness: 2 + 1 = 3', async () => {
    const weightedAll = subset(competitors, selectPoints(competitors, []), columnOr(competitors, 'attractiveness', 1));
    expect((await siteCompetition(kernel, line([0]), weightedAll, uniform)).count[0]).toBe(3);
  });

  it('brand filter (case and spaces ignored): brand X → one within 1 km, nearest 300 m; excluding X → Y only', async () => {
    const onlyX = subset(competitors, selectPoints(competitors, [{ column: 'brand', include: ['x'] }]));
    expect(onlyX.lon.length).toBe(2);
    expect((await siteCompetition(kernel, line([0]), onlyX, uniform)).count[0]).toBe(1);
    const notX = subset(competitors, selectPoints(competitors, [{ column: 'brand', exclude: ['X'] }]));
    const r = await siteCompetition(kernel, line([0]), notX, uniform);
    expect(r.count[0]).toBe(1);
    expect(r.nearest[0]).toBeCloseTo(900, 6);
  });
});

describe('competition, areal form', () => {
  it('per 10 000 residents: 3 competitors for 20 000 → 1.5; 1 for 5 000 → 2; no residents → NaN', () => {
    const area = Int32Array.from([0, 0, 0, 1, 2]);
    const out = arealCompetition(area, new Float64Array(5).fill(1), Float64Array.from([20000, 5000, 0]));
    expect(out[0]).toBe(1.5);
    expect(out[1]).toBe(2);
    expect(out[2]).toBeNaN();
  });
});
