import { describe, expect, it } from 'vitest';
import { arealAccess, metroStations, siteAccess, stopWeights } from '../../src/criteria/access.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { line, pointLayer } from './fixture.ts';

const kernel = createKernel();
// Site at 0: metro 400 m, bus 200 m, bus 1200 m (outside 1 km), rail 900 m, ferry 100 m.
const transit = pointLayer('transit', [
  { id: 't1', x: 400, text: { mode: 'metro' } },
  { id: 't2', x: 200, text: { mode: 'bus' } },
  { id: 't3', x: 1200, text: { mode: 'bus' } },
  { id: 't4', x: -900, text: { mode: 'Rail' } },
  { id: 't5', x: 100, text: { mode: 'ferry' } },
]);
const modes = { modeWeights: { metro: 3, rail: 3, bus: 1 }, otherWeight: 0.5 };

describe('access', () => {
  it('weights by mode [metro 3, rail 3, bus 1], others 0.5', () => {
    expect([...stopWeights(transit, modes)]).toEqual([3, 1, 1, 3, 0.5]);
  });

  it('site form: 3 + 1 + 3 + 0.5 = 7.5 within 1 km; nearest metro 400 m', async () => {
    const stops = { lon: transit.lon, lat: transit.lat, weight: stopWeights(transit, modes) };
    const r = await siteAccess(kernel, line([0]), stops, metroStations(transit), { radius: 1000, decay: { kind: 'uniform' } });
    expect(r.stops[0]).toBe(7.5);
    expect(r.nearestMetro[0]).toBeCloseTo(400, 6);
  });

  it('no metro at all → nearest metro is Infinity', async () => {
    const bus = pointLayer('transit', [{ id: 'b', x: 10, text: { mode: 'bus' } }]);
    const r = await siteAccess(kernel, line([0]), { lon: bus.lon, lat: bus.lat, weight: Float64Array.of(1) }, metroStations(bus), { radius: 1000, decay: { kind: 'uniform' } });
    expect(r.nearestMetro[0]).toBe(Infinity);
  });

  it('areal form: weighted stops per km²', () => {
    expect([...arealAccess(Int32Array.of(0, 0, 1), Float64Array.of(3, 1, 1), Float64Array.of(2, 0.25))]).toEqual([2, 4]);
  });
});
