import { describe, expect, it } from 'vitest';
import type { PointLayer } from '../../src/data/layer.ts';
import { buildGeocoder, fuzzyConfidence, MIN_STREET_SIMILARITY } from '../../src/geocode/index.ts';

function gazetteer(rows: [string, number, number][]): PointLayer {
  return {
    kind: 'point', layer: 'gazetteer', ids: rows.map((_, i) => `g${i}`),
    lon: Float64Array.from(rows, (r) => r[1]), lat: Float64Array.from(rows, (r) => r[2]),
    numeric: {}, text: { address: rows.map((r) => r[0]) },
  };
}

const g = buildGeocoder(gazetteer([
  ['128 Pine Street Northwest', 1, 1],
  ['128 Pine Street Southeast', 2, 2],
  ['128 Pine Avenue', 3, 3],
  ['130 Pine Street Northwest', 4, 4],
  ['9 Harbour Road', 5, 5],
  ['深南大道1001号', 6, 6],
]));

describe('buildGeocoder', () => {
  it('matches normalised forms exactly with confidence 1', () => {
    expect(g.geocode('128 PINE ST. N.W.')).toEqual({ lon: 1, lat: 1, method: 'exact', confidence: 1, matched: '128 Pine Street Northwest' });
    expect(g.geocode('深南大道１００１號')?.lon).toBe(6);
  });

  it('places a one-letter typo on the right street with high confidence', () => {
    const r = g.geocode('9 Harbuor Road'); // transposition: one edit over "harbour road" (12 chars) → 11/12
    expect(r?.method).toBe('fuzzy');
    expect(r?.lon).toBe(5);
    expect(r?.confidence).toBeCloseTo(11 / 12, 10);
    const s = g.geocode('128 Pine Stret SE'); // one deletion: "pine stret southeast" vs "pine street southeast" (21) → 20/21
    expect(s?.lon).toBe(2);
    expect(s?.confidence).toBeGreaterThan(0.9);
  });

  it('requires the same house number', () => {
    expect(g.geocode('131 Pine Street Northwest')).toBeNull();
    expect(g.geocode('130 Pine Stret NW')?.lon).toBe(4);
  });

  it('returns null for streets unlike any in the gazetteer', () => {
    expect(g.geocode('128 Quartz Boulevard')).toBeNull();
    expect(g.geocode('')).toBeNull();
    expect(g.geocode(' , ')).toBeNull();
  });

  it('lowers confidence when two streets with that number are equally close', () => {
    // "pine street" is 10 edits from both quadrant streets (similarity 11/21 < threshold): no answer
    expect(g.geocode('128 Pine Street')).toBeNull();
    expect(MIN_STREET_SIMILARITY).toBeGreaterThan(11 / 21);
    expect(fuzzyConfidence(0.9, 0.9)).toBeCloseTo(0.45, 10); // a tie halves it
    expect(fuzzyConfidence(0.9, 0.75)).toBeCloseTo(0.9, 10); // a clear winner keeps it
    expect(fuzzyConfidence(0.9, 0.85)).toBeCloseTo(0.9 * 0.75, 10); // half-way: ¾
  });

  it('skips gazetteer rows without an address or coordinates', () => {
    const gz = buildGeocoder(gazetteer([['', 1, 1], ['5 Elm Lane', NaN, 2], ['5 Elm Lane', 3, 3]]));
    expect(gz.geocode('5 Elm Ln')?.lon).toBe(3);
  });
});
