/**
 * The map draws at most MAX_DRAWN points of a layer in view (Node; Plot's mark data, no DOM): a
 * million dropped candidates drawn one SVG node each froze the page for a minute. Below the cap
 * every point in view is drawn; above it an even sample, every k-th point in view.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DRAWN, overlayMarks } from '../../src/app/map/point-overlays.ts';
import type { MapData } from '../../src/app/worker/messages.ts';

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
});
