/**
 * Rings wound for d3-geo: exterior clockwise, holes anticlockwise (signed area by hand: the square
 * 0–4 listed (0,0) (4,0) (4,4) (0,4) runs anticlockwise; its hole 1–2 listed (1,1) (1,2) (2,2) (2,1)
 * runs clockwise), each ring on its own.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rewindForD3 } from '../../src/geo/rewind.ts';

const ccwOuter: Position[] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
const cwHole: Position[] = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]];
const reversed = (r: Position[]) => [...r].reverse();

describe('rewindForD3', () => {
  it('turns a GeoJSON-wound polygon (exterior anticlockwise, hole clockwise)', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [ccwOuter, cwHole] };
    expect(rewindForD3(g).coordinates).toEqual([reversed(ccwOuter), reversed(cwHole)]);
  });

  it('keeps a polygon already wound for d3', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [reversed(ccwOuter), reversed(cwHole)] };
    expect(rewindForD3(g)).toEqual(g);
  });

  it('fixes a hole wound like its exterior, and each part of a MultiPolygon', () => {
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ccwOuter, reversed(cwHole)], [reversed(ccwOuter)]] };
    expect(rewindForD3(g).coordinates).toEqual([[reversed(ccwOuter), reversed(cwHole)], [reversed(ccwOuter)]]);
  });
});
