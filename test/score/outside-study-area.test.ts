/**
 * The study-area rule, case by case: four sites with known containers — in a region and a district,
 * in a region only, in a district only (a district with no region), in neither.
 */
import { describe, expect, it } from 'vitest';
import type { PolygonLayer } from '../../src/data/layer.ts';
import { outsideNotes, outsideStudyArea } from '../../src/score/outside-study-area.ts';

const layer = {} as PolygonLayer; // only its presence matters
const district = Int32Array.of(0, -1, 1, -1);
const region = Int32Array.of(0, 0, -1, -1);

describe('outsideStudyArea', () => {
  it.each([
    ['regions and districts, score', { regions: layer, districts: layer }, false, [[2, 'outside every region'], [3, 'outside every region']]],
    ['regions and districts, funnel', { regions: layer, districts: layer }, true, [[1, 'outside every district'], [2, 'outside every region'], [3, 'outside every region']]],
    ['regions only', { regions: layer }, true, [[2, 'outside every region'], [3, 'outside every region']]],
    ['districts only', { districts: layer }, false, [[1, 'outside every district'], [3, 'outside every district']]],
    ['no polygon layer', {}, true, []],
  ] as const)('%s', (_, bundle, nested, expected) => {
    const out = outsideStudyArea(bundle, district, region, nested);
    expect(out.index.map((i, k) => [i, out.reasons[k]])).toEqual(expected);
  });

  it('one note per reason, singular or plural', () => {
    expect(outsideNotes({ reasons: ['outside every region', 'outside every district', 'outside every region'] })).toEqual([
      '2 candidates lie outside every region and were not compared',
      '1 candidate lies outside every district and was not compared',
    ]);
  });
});
