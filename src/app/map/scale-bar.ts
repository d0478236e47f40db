/** A scale bar (a round number of metres or kilometres) and a north arrow for the drawing. */
import type { GeoProjection } from 'd3';
import { haversine } from '../engine-api.ts';
import { svgEl } from './svg.ts';

/** The longest 1, 2 or 5 × 10^k metres that fits in `maxPx` pixels at the drawing's foot. */
export function scaleBarLength(projection: GeoProjection, x: number, y: number, maxPx: number): { metres: number; px: number } | null {
  const a = projection.invert?.([x, y]);
  const b = projection.invert?.([x + maxPx, y]);
  if (!a || !b) return null;
  const metresPerPx = haversine(a[0], a[1], b[0], b[1]) / maxPx;
  if (!(metresPerPx > 0)) return null;
  const max = metresPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((m) => m * pow).find((m) => m <= max) ?? pow;
  return { metres, px: metres / metresPerPx };
}

export function scaleBar(projection: GeoProjection, drawing: [[number, number], [number, number]]): SVGGElement {
  const [[x0], [, y1]] = drawing;
  const g = svgEl('g', { class: 'scale-bar', 'font-size': 11, 'pointer-events': 'none' });
  const x = x0 + 8;
  const y = y1 - 10;
  const bar = scaleBarLength(projection, x, y, 110);
  if (!bar) return g;
  const label = bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`;
  g.append(
    svgEl('rect', { x: x - 4, y: y - 18, width: bar.px + 8, height: 24, fill: 'white', 'fill-opacity': 0.8 }),
    svgEl('path', { d: `M${x},${y - 5}V${y}H${x + bar.px}V${y - 5}`, fill: 'none', stroke: '#222', 'stroke-width': 1.5 }),
    svgEl('text', { x: x + bar.px / 2, y: y - 7, 'text-anchor': 'middle', fill: '#222' }, label),
  );
  return g;
}

export function northArrow(drawing: [[number, number], [number, number]]): SVGGElement {
  const [, [x1]] = drawing;
  const [[, y0]] = drawing;
  const x = x1 - 16;
  const y = y0 + 8;
  const g = svgEl('g', { class: 'north-arrow', 'pointer-events': 'none', 'font-size': 11, 'text-anchor': 'middle' });
  g.append(
    svgEl('path', { d: `M${x},${y + 6}l6,16l-6,-4l-6,4z`, fill: '#222' }),
    svgEl('text', { x, y: y + 4, fill: '#222', 'font-weight': 600 }, 'N'),
  );
  return g;
}
