/**
 * Issue 19 item 8: 'POINT' + 200 000 spaces + 'x' in a WKT cell took 32.7 s (the regex was
 * quadratic: 20 k spaces 297 ms, 40 k 1 140 ms). The parser is now one pass; the same shapes read
 * as before, and coordinates are decimal numbers only.
 */
import { describe, expect, it } from 'vitest';
import { parseWkt } from '../../src/io/wkt.ts';

describe('WKT parsing', () => {
  it.each([
    ['POINT (114.1 22.5)', { type: 'Point', coordinates: [114.1, 22.5] }],
    ['SRID=4326;POINT Z (1 2 3)', { type: 'Point', coordinates: [1, 2] }],
    ['pointz(1 2 3)', { type: 'Point', coordinates: [1, 2] }],
    ['POLYGON ((0 0, 1 0, 1 1, 0 0))', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }],
    ['MULTIPOLYGON (((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2),(2.1 2.1,2.2 2.1,2.2 2.2,2.1 2.1)))', {
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]], [[2.1, 2.1], [2.2, 2.1], [2.2, 2.2], [2.1, 2.1]]]],
    }],
    ['  POINT(-1.5e2 +2.)  ', { type: 'Point', coordinates: [-150, 2] }],
  ])('%s', (text, geometry) => {
    expect(parseWkt(text)).toEqual({ geometry });
  });

  it.each([
    ['POINT (0x72 0b10110)', 'wkt-coordinates', 'unreadable WKT coordinates'],
    ['POINT (1 2', 'wkt-unknown', 'not WKT POINT, POLYGON or MULTIPOLYGON'],
    ['POINT (1 2))', 'wkt-coordinates', 'unreadable WKT coordinates'],
    ['POINT (Infinity 2)', 'wkt-coordinates', 'unreadable WKT coordinates'],
    ['LINESTRING (0 0, 1 1)', 'wkt-unknown', 'not WKT POINT, POLYGON or MULTIPOLYGON'],
    ['POINTS (1 2)', 'wkt-unknown', 'not WKT POINT, POLYGON or MULTIPOLYGON'],
  ])('refuses %s', (text, code, reason) => {
    expect(parseWkt(text)).toEqual({ error: { code, params: {}, reason } });
  });

  it("'POINT' + 200 000 spaces + 'x', and 100 000 nested parentheses, are refused in linear time", () => {
    // Not a timing assertion: a quadratic parser would take tens of seconds and hit the test timeout.
    const reasonOf = (text: string) => {
      const result = parseWkt(text);
      return 'error' in result ? result.error.reason : 'read';
    };
    expect(reasonOf('POINT' + ' '.repeat(200_000) + 'x')).toBe('not WKT POINT, POLYGON or MULTIPOLYGON');
    expect(reasonOf(' '.repeat(200_000) + 'x')).toBe('not WKT POINT, POLYGON or MULTIPOLYGON');
    expect(reasonOf('POINT (' + '1 '.repeat(200_000) + 'x)')).toBe('unreadable WKT coordinates');
    expect(reasonOf('POLYGON ' + '('.repeat(100_000) + '1 2' + ')'.repeat(100_000))).toBe('unreadable WKT polygon');
  }, 5_000);
});
