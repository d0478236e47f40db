import { describe, expect, it } from 'vitest';
import type { PointLayer } from '../../src/data/layer.ts';
import { buildGeocoder, fuzzyConfidence, MIN_FUZZY_CONFIDENCE } from '../../src/geocode/index.ts';
import { DIRECTION_MISSING, TYPE_DIFFERENT } from '../../src/geocode/similarity.ts';

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
    const r = g.geocode('9 Harbuor Road'); // transposition: one edit in the name "harbour" (7 letters) → 6/7
    expect(r?.method).toBe('fuzzy');
    expect(r?.lon).toBe(5);
    expect(r?.confidence).toBeCloseTo(6 / 7, 10);
    // A misspelt type: name "pine" exact, "stret" is one edit from "street" → type factor 1 − 1/6
    const s = g.geocode('128 Pine Stret SE');
    expect(s?.lon).toBe(2);
    expect(s?.confidence).toBeCloseTo(5 / 6, 10);
  });

  it('handles Han street names: full-width digits, 號, and a one-character slip', () => {
    expect(g.geocode('深南大道１００１號')).toMatchObject({ lon: 6, method: 'exact', confidence: 1 });
    // 到 for 道: one edit in the four-character name 深南大道 → 3/4
    expect(g.geocode('深南大到1001号')).toMatchObject({ lon: 6, method: 'fuzzy', confidence: 0.75 });
    expect(g.geocode('深南大道1002号')).toBeNull();
  });

  it('requires the same house number', () => {
    expect(g.geocode('131 Pine Street Northwest')).toBeNull();
    expect(g.geocode('130 Pine Stret NW')?.lon).toBe(4);
  });

  it('never trades one letter of a short name or a digit or a direction for another street', () => {
    const h = buildGeocoder(gazetteer([['950 F Street NW', 1, 1], ['419 8th Street NW', 2, 2], ['1200 1st Street NE', 3, 3]]));
    expect(h.geocode('950 I Street NW')).toBeNull(); // 1 edit, but of a 1-letter name
    expect(h.geocode('419 7th Street NW')).toBeNull(); // numbered streets must agree on digits
    expect(h.geocode('1200 1st Street SE')).toBeNull(); // NE and SE are different streets
  });

  it('drops place words after the street: district, city, state and postcode', () => {
    const layer = gazetteer([['9 Harbour Road', 1, 1], ['1400 K Street NW', 2, 2]]);
    layer.text.district = ['Fairside', ''];
    layer.text.postcode = ['518042', '20005'];
    layer.text.city = ['', 'Washington'];
    layer.text.state = ['', 'DC'];
    const h = buildGeocoder(layer);
    expect(h.geocode('9 Harbour Rd, Fairside 518042')).toMatchObject({ lon: 1, method: 'exact', confidence: 1 });
    expect(h.geocode('1400 K St NW, Washington, DC 20005')).toMatchObject({ lon: 2, method: 'exact' });
    const typo = h.geocode('9 Harbuor Road, Fairside');
    expect(typo).toMatchObject({ lon: 1, method: 'fuzzy' });
    expect(typo?.confidence).toBeCloseTo(6 / 7, 12);
    // unknown words are not place words: "Elsewhere" stays part of the street and nothing matches
    expect(h.geocode('9 Harbour Road Elsewhere')).toBeNull();
  });

  it('returns null for streets unlike any in the gazetteer', () => {
    expect(g.geocode('128 Quartz Boulevard')).toBeNull();
    expect(g.geocode('')).toBeNull();
    expect(g.geocode(' , ')).toBeNull();
  });

  it('lowers confidence when two streets with that number are equally close', () => {
    // "128 Pine Street" lacks a direction: NW and SE both score DIRECTION_MISSING (0.8), a tie that
    // halves the confidence to 0.4, below MIN_FUZZY_CONFIDENCE: no answer rather than a coin toss.
    expect(g.geocode('128 Pine Street')).toBeNull();
    expect(fuzzyConfidence(DIRECTION_MISSING, DIRECTION_MISSING)).toBeLessThan(MIN_FUZZY_CONFIDENCE);
    // Only the Northwest quadrant has a 130: one candidate, confidence 0.8.
    expect(g.geocode('130 Pine Street')).toMatchObject({ lon: 4, method: 'fuzzy', confidence: DIRECTION_MISSING });
    // Pine Avenue for Pine Street: a different type costs TYPE_DIFFERENT (0.7)
    expect(buildGeocoder(gazetteer([['7 Pine Avenue', 1, 1]])).geocode('7 Pine Street')).toMatchObject({ lon: 1, confidence: TYPE_DIFFERENT });
    expect(fuzzyConfidence(0.9, 0.9)).toBeCloseTo(0.45, 10); // a tie halves it
    expect(fuzzyConfidence(0.9, 0.75)).toBeCloseTo(0.9, 10); // a clear winner keeps it
    expect(fuzzyConfidence(0.9, 0.85)).toBeCloseTo(0.9 * 0.75, 10); // half-way: ¾
  });

  it('skips gazetteer rows without an address or coordinates', () => {
    const gz = buildGeocoder(gazetteer([['', 1, 1], ['5 Elm Lane', NaN, 2], ['5 Elm Lane', 3, 3]]));
    expect(gz.geocode('5 Elm Ln')?.lon).toBe(3);
  });
});
