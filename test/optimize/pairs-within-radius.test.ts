/**
 * Sparse pairs within a radius through the kernel's grid: checked against every pair by haversine,
 * and across the antimeridian (the old private grid missed pairs there). At the equator 0.001° of
 * longitude is 111.2 m, so demand at 179.999° E and a facility at 179.999° W lie 222.4 m apart.
 */
import { describe, expect, it } from 'vitest';
import { haversine } from '../../src/geo/haversine.ts';
import { pairsWithinRadius } from '../../src/optimize/pairs-within-radius.ts';
import { mulberry32 } from '../../src/sensitivity/random.ts';

const pairsOf = (p: ReturnType<typeof pairsWithinRadius>, order?: Int32Array): string[] => {
  const out: string[] = [];
  for (let j = 0; j + 1 < p.start.length; j++) for (let k = p.start[j]; k < p.start[j + 1]; k++) out.push(`${j}:${order ? order[p.demand[k]] : p.demand[k]}`);
  return out.sort();
};

describe('pairsWithinRadius', () => {
  it('finds the pairs across the antimeridian', () => {
    const demand = { lon: Float64Array.of(179.999, 0), lat: Float64Array.of(0, 0) };
    const facilities = { lon: Float64Array.of(-179.999), lat: Float64Array.of(0) };
    const p = pairsWithinRadius(demand, facilities, 500);
    expect(pairsOf(p)).toEqual(['0:0']);
    expect(p.cost[0]).toBeCloseTo(haversine(179.999, 0, -179.999, 0), 6);
    expect(p.cost[0]).toBeCloseTo(222.4, 0);
  });

  it('equals the brute-force pairs on 400 seeded points, in input and in cell order', () => {
    const rnd = mulberry32(7);
    const pts = (n: number) => ({ lon: Float64Array.from({ length: n }, () => 114 + rnd() * 0.2), lat: Float64Array.from({ length: n }, () => 22.5 + rnd() * 0.2) });
    const demand = pts(400);
    const facilities = pts(30);
    const expected: string[] = [];
    for (let j = 0; j < 30; j++) for (let i = 0; i < 400; i++) if (haversine(facilities.lon[j], facilities.lat[j], demand.lon[i], demand.lat[i]) <= 2000) expected.push(`${j}:${i}`);
    expect(pairsOf(pairsWithinRadius(demand, facilities, 2000))).toEqual(expected.sort());
    const ordered = pairsWithinRadius(demand, facilities, 2000, undefined, true);
    expect(pairsOf(ordered, ordered.demandOrder)).toEqual(expected.sort());
  });
});
