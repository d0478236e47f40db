import { describe, expect, it } from 'vitest';
import { criterionUnit, formatMeasure } from '../../src/report/criterion-unit.ts';
import { CriterionSpec } from '../../src/scenario/criterion-spec.ts';

const spec = (input: unknown) => CriterionSpec.parse(input);

describe('criterion units and rounding', () => {
  it('names the unit of each form: people at a site, people/km² for an area, shares in %', () => {
    const demand = spec({ id: 'd', kind: 'demand' });
    expect(criterionUnit(demand, 'd', 'site').en).toBe('people');
    expect(criterionUnit(demand, 'd', 'region').en).toBe('people/km²');
    const huff = spec({ id: 'h', kind: 'huff_share', measure: 'net_gain' });
    expect(criterionUnit(huff, 'h', 'site').en).toBe('people');
    expect(formatMeasure(0.1934, criterionUnit(huff, 'h', 'district'))).toBe('19.3');
    expect(criterionUnit(spec({ id: 'n', kind: 'network_norm' }), 'n', 'district').zh).toBe('居民/网点');
    expect(criterionUnit(undefined, 'context_region', 'site').en).toBe('score 0–100');
  });

  it("gives an attribute the scenario's unit in both languages, else its column's name", () => {
    const rent = spec({ id: 'rent', kind: 'attribute', column: 'rent', unit: 'CNY/month' });
    expect([criterionUnit(rent, 'rent', 'site').en, criterionUnit(rent, 'rent', 'site').zh]).toEqual(['CNY/month', 'CNY/month']);
    expect(criterionUnit(spec({ id: 'fa', kind: 'attribute', column: 'floor_area' }), 'fa', 'site').zh).toBe('floor_area');
    expect(() => spec({ id: 'r', kind: 'attribute', column: 'rent', unit: '' })).toThrow();
  });

  it('writes values to meaningful digits: whole people, three significant digits otherwise', () => {
    const people = criterionUnit(spec({ id: 'd', kind: 'demand' }), 'd', 'site');
    expect(formatMeasure(66349.38, people)).toBe('66 349');
    const weighted = criterionUnit(spec({ id: 'a', kind: 'agglomeration' }), 'a', 'site');
    expect(formatMeasure(3160.96, weighted)).toBe('3161');
    expect(formatMeasure(25.04, weighted)).toBe('25.0');
    expect(formatMeasure(0.01234, weighted)).toBe('0.0123');
    expect(formatMeasure(NaN, weighted)).toBe('–');
  });
});
