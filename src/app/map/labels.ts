/**
 * Name and score labels that do not collide (src/report/label-layout.ts places them), drawn as SVG
 * text with a white halo. The map appends them after every layer, so they read over points.
 */
import { LABEL_LINE, placeLabelBoxes, type LabelCandidate } from '../engine-api.ts';
import { svgEl } from './svg.ts';

export type { LabelCandidate };

export function placeLabels(candidates: LabelCandidate[], drawing: [[number, number], [number, number]]): SVGGElement {
  const g = svgEl('g', { class: 'map-labels', 'pointer-events': 'none', 'font-size': 11, 'text-anchor': 'middle' });
  for (const c of placeLabelBoxes(candidates, drawing)) {
    const text = svgEl('text', { x: c.x, y: c.y - ((c.lines.length - 1) * LABEL_LINE) / 2 + 4, class: 'map-label', stroke: 'white', 'stroke-width': 3, 'paint-order': 'stroke', fill: '#1c1c1c' });
    c.lines.forEach((line, k) => {
      const span = svgEl('tspan', { x: c.x, dy: k === 0 ? 0 : LABEL_LINE }, line);
      if (k === 0 && c.strong) span.setAttribute('font-weight', '600');
      text.append(span);
    });
    g.append(text);
  }
  return g;
}
