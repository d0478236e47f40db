/**
 * Name and score labels that do not collide: offered best first, each placed only where its box
 * overlaps no label already placed and stays inside the drawing. Text has a white halo.
 */
import { svgEl } from './svg.ts';

export interface LabelCandidate {
  x: number;
  y: number;
  lines: string[];
  /** Bold first line (the unit's name). */
  strong?: boolean;
}

type Box = [number, number, number, number];
const LINE = 13;
/** Average glyph width at 11 px (CJK glyphs are about twice as wide). */
const charWidth = (text: string): number => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6.3), 0);

export function placeLabels(candidates: LabelCandidate[], drawing: [[number, number], [number, number]]): SVGGElement {
  const g = svgEl('g', { class: 'map-labels', 'pointer-events': 'none', 'font-size': 11, 'text-anchor': 'middle' });
  const placed: Box[] = [];
  const [[x0, y0], [x1, y1]] = drawing;
  for (const c of candidates) {
    const w = Math.max(...c.lines.map(charWidth)) + 4;
    const h = c.lines.length * LINE + 2;
    const box: Box = [c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2];
    if (box[0] < x0 || box[1] < y0 || box[2] > x1 || box[3] > y1) continue;
    if (placed.some((p) => box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1])) continue;
    placed.push(box);
    const text = svgEl('text', { x: c.x, y: c.y - ((c.lines.length - 1) * LINE) / 2 + 4, class: 'map-label', stroke: 'white', 'stroke-width': 3, 'paint-order': 'stroke', fill: '#1c1c1c' });
    c.lines.forEach((line, k) => {
      const span = svgEl('tspan', { x: c.x, dy: k === 0 ? 0 : LINE }, line);
      if (k === 0 && c.strong) span.setAttribute('font-weight', '600');
      text.append(span);
    });
    g.append(text);
  }
  return g;
}
