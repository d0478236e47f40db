import { describe, expect, it } from 'vitest';
import { attributeColumn } from '../../src/criteria/attribute.ts';
import { residentsPerOutlet, siteNetworkNorm } from '../../src/criteria/network-norm.ts';
import { UsageError } from '../../src/errors.ts';
import { pointLayer } from './fixture.ts';

describe('network_norm', () => {
  // District 0: 30 000 residents, 2 outlets; district 1: 20 000, none; district 2: 0 residents.
  const population = Float64Array.of(30000, 20000, 0);
  const outletArea = Int32Array.of(0, 0, -1);
  const counted = Float64Array.of(1, 1, 1);

  it('after opening one more: 30 000 / 3 = 10 000 and 20 000 / 1 = 20 000', () => {
    expect([...residentsPerOutlet(population, outletArea, counted, 1)]).toEqual([10000, 20000, 0]);
  });

  it('as today: 15 000, ∞ (residents, no outlet), NaN (nobody, no outlet)', () => {
    const r = residentsPerOutlet(population, outletArea, counted, 0);
    expect(r[0]).toBe(15000);
    expect(r[1]).toBe(Infinity);
    expect(r[2]).toBeNaN();
  });

  it('site form: the value of the site’s district; outside every district → NaN', () => {
    const r = siteNetworkNorm(Int32Array.of(1, 0, -1), Float64Array.of(10000, 20000));
    expect(r[0]).toBe(20000);
    expect(r[1]).toBe(10000);
    expect(r[2]).toBeNaN();
  });
});

describe('attribute', () => {
  const sites = pointLayer('candidates', [
    { id: 'a', x: 0, numeric: { rent: 40 } },
    { id: 'b', x: 0 },
  ]);

  it('copies the column, missing stays NaN', () => {
    const r = attributeColumn(sites, 'rent', 'criterion "rent"');
    expect(r[0]).toBe(40);
    expect(r[1]).toBeNaN();
  });

  it('a missing column is a UsageError naming the criterion and the columns there are', () => {
    expect(() => attributeColumn(sites, 'floor_area', 'criterion "size"')).toThrow(UsageError);
    expect(() => attributeColumn(sites, 'floor_area', 'criterion "size"')).toThrow(/criterion "size": the candidates layer has no numeric column "floor_area" \(it has: rent\)/);
  });
});
