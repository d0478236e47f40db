import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, haversine } from '../src/geo/haversine.ts';

describe('haversine', () => {
  it('one degree of latitude is 2πR/360', () => {
    // On the sphere of radius R, a degree of arc along a meridian is 2πR/360 ≈ 111 195.08 m.
    expect(haversine(0, 0, 0, 1)).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_M) / 360, 6);
  });
  it('one degree of longitude at 60°N is half that at the equator', () => {
    // The parallel at 60° has radius R·cos 60° = R/2; for short arcs the great circle is within 1e-4.
    const equator = haversine(0, 0, 1, 0);
    expect(haversine(0, 60, 1, 60) / equator).toBeCloseTo(0.5, 3);
  });
});
