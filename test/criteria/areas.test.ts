import { describe, expect, it } from 'vitest';
import { areaKm2, areaPopulation } from '../../src/criteria/areas.ts';
import { squares } from './fixture.ts';

describe('areas', () => {
  it('a 1 km × 1 km square on the equator is 1 km² (Turf 7 uses the same 6 371 008.8 m sphere)', () => {
    const km2 = areaKm2(squares('districts', [['a', [0, 0, 1000, 1000]], ['b', [0, 0, 2000, 500]]]));
    expect(km2[0]).toBeCloseTo(1, 6);
    expect(km2[1]).toBeCloseTo(1, 6);
  });

  it('population: the polygon’s own column where finite, else the demand inside', () => {
    const districts = squares('districts', [['a', [0, 0, 1, 1]], ['b', [1, 0, 2, 1]]], { population: [500, NaN] });
    expect([...areaPopulation(districts, Int32Array.of(0, 1, 1, -1), Float64Array.of(7, 20, 30, 99))]).toEqual([500, 50]);
  });
});
