/**
 * The map draws at most MAX_DRAWN points of a layer in view (Node; Plot's mark data, no DOM): a
 * million dropped candidates drawn one SVG node each froze the page for a minute. Below the cap
 * every point in view is drawn; above it an even sample, every k-th point in view.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DRAWN, overlayMarks } from '../../src/app/map/point-overlays.ts';
import type { MapData } from '../../src/app/worker/messages.ts';
import { MAP_SAMPLE_POINTS, mapDataOf } from '../../src/app/worker/map-data.ts';
import type { DuckLayer } from '../../src/app/worker/duck-layer.ts';

function drawn(n: number): { lon: number; label: string; index: number }[] {
  // n points on a line from lon 0 to 1 (at lat 0), the view covering lon 0–0.5 only
  const lon = Float64Array.from({ length: n }, (_, i) => i / n);
  const map: MapData = { name: 'x', synthetic: true, points: { candidates: { lon, lat: new Float64Array(n), labels: [] } }, counts: {}, reports: [] };
  const toggles = { candidates: true, pois: false, transit: false, competitors: false, network: false };
  const { marks: [mark], held } = overlayMarks(map, toggles, [[0, -1], [0.5, 1]], null);
  const data = (mark as unknown as { data: { lon: number; label: string; index: number }[] }).data;
  // a layer without labels is held in the worker: its drawn points are handed to the map to name on hover
  expect(held?.points).toBe(data);
  return data;
}

describe('point overlays', () => {
  it('draws every point in view below the cap, each with its position in the layer', () => {
    const data = drawn(1000);
    // lon i/1000 ≤ 0.5 + 2 % margin: i = 0 … 510
    expect(data).toHaveLength(511);
    expect(data.map((d) => d.index)).toEqual(Array.from({ length: 511 }, (_, i) => i));
    expect(data[0].label).toBe('');
  });

  it('draws an even sample of at most MAX_DRAWN points above it', () => {
    const n = 200_000;
    const data = drawn(n);
    // 102 001 points in view (i ≤ 0.51 n), every 6th: 17 001
    const inView = Math.floor(0.51 * n) + 1;
    const stride = Math.ceil(inView / MAX_DRAWN);
    expect(data).toHaveLength(Math.ceil(inView / stride));
    expect(data.length).toBeLessThanOrEqual(MAX_DRAWN);
    expect(data[1].lon - data[0].lon).toBeCloseTo(stride / n, 12);
  });

  it('gets an even sample of a layer held in DuckDB, its drawn points indexed by their position in the layer', () => {
    // 600 001 candidates on a line: every 3rd is sent (200 001 of them, under MAP_SAMPLE_POINTS)
    const n = 600_001;
    const inDb: DuckLayer = { layer: 'candidates', table: 'candidates', lon: Float64Array.from({ length: n }, (_, i) => i / n), lat: new Float64Array(n), columns: [] };
    const map = mapDataOf({ name: 'x', synthetic: false, reports: [] }, inDb);
    const sent = map.points.candidates;
    expect(MAP_SAMPLE_POINTS).toBe(250_000);
    expect([sent?.stride, sent?.lon.length, map.counts.candidates]).toEqual([3, 200_001, n]);
    expect([sent?.lon[1], sent?.lon[200_000]]).toEqual([3 / n, 600_000 / n]);
    const toggles = { candidates: true, pois: false, transit: false, competitors: false, network: false };
    const { marks: [mark], held } = overlayMarks(map, toggles, [[0, -1], [0.5, 1]], null);
    const data = (mark as unknown as { data: { lon: number; index: number }[] }).data;
    // 102 001 sent points in view (lon ≤ 0.51), every 6th drawn: the 2nd drawn is sent point 6, the layer's point 18
    expect(data).toHaveLength(17_001);
    expect([data[0].index, data[1].index, data[1].lon]).toEqual([0, 18, 18 / n]);
    expect(held?.points[17_000].index).toBe(17_000 * 18);
  });
});

