/**
 * The legend strip under the drawing: the score ramp fitted to the shown values, kept and cut,
 * and one entry per thing drawn, each with the very symbol the map draws (same shape, size, colour).
 */
import { symbol as d3symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, type SymbolType } from 'd3';
import type { ScoreColour } from './score-colour.ts';
import { LEGEND_HEIGHT } from './map-frame.ts';
import { svgEl } from './svg.ts';

const SYMBOLS: Record<string, SymbolType> = { circle: symbolCircle, diamond: symbolDiamond, square: symbolSquare, triangle: symbolTriangle, star: symbolStar };

export type LegendItem =
  | { kind: 'ramp'; colour: ScoreColour; label: string }
  | { kind: 'symbol'; symbol: string; r: number; fill: string; stroke: string; strokeWidth?: number; label: string }
  | { kind: 'area'; fill: string; stroke: string; strokeWidth: number; opacity?: number; label: string }
  | { kind: 'line'; stroke: string; strokeWidth: number; dash?: string; label: string };

/** The d path of a Plot dot symbol of radius r (Plot draws symbols of area π r²). */
export function symbolPath(name: string, r: number): string {
  return d3symbol(SYMBOLS[name] ?? symbolCircle, Math.PI * r * r)() ?? '';
}

const textWidth = (text: string): number => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.6), 0);

function itemMarkup(item: LegendItem): { node: SVGGElement; width: number } {
  const g = svgEl('g', { class: `legend-item legend-${item.kind}` });
  let key = 16;
  switch (item.kind) {
    case 'ramp': {
      const [lo, hi] = item.colour.domain;
      const w = 110;
      const steps = 22;
      g.append(svgEl('text', { x: 0, y: 4, 'font-weight': 600 }, item.label));
      const loX = textWidth(item.label) + 8;
      g.append(svgEl('text', { x: loX, y: 4 }, String(lo)));
      const x0 = loX + textWidth(String(lo)) + 4;
      for (let k = 0; k < steps; k++) g.append(svgEl('rect', { x: x0 + (k * w) / steps, y: -6, width: w / steps + 0.5, height: 11, fill: item.colour.ramp(k / (steps - 1)) }));
      g.append(svgEl('text', { x: x0 + w + 4, y: 4 }, String(hi)));
      return { node: g, width: x0 + w + 4 + textWidth(String(hi)) + 14 };
    }
    case 'symbol':
      g.append(svgEl('path', { d: symbolPath(item.symbol, item.r), transform: 'translate(6,0)', fill: item.fill, stroke: item.stroke, 'stroke-width': item.strokeWidth ?? 0.8 }));
      break;
    case 'area':
      g.append(svgEl('rect', { x: 0, y: -6, width: 14, height: 11, fill: item.fill, 'fill-opacity': item.opacity ?? 1, stroke: item.stroke, 'stroke-width': item.strokeWidth }));
      key = 20;
      break;
    case 'line':
      g.append(svgEl('path', { d: 'M0,0H16', stroke: item.stroke, 'stroke-width': item.strokeWidth, ...(item.dash ? { 'stroke-dasharray': item.dash } : {}), fill: 'none' }));
      key = 21;
      break;
  }
  g.append(svgEl('text', { x: key, y: 4 }, item.label));
  return { node: g, width: key + textWidth(item.label) + 14 };
}

/**
 * The strip at the foot of the SVG: items flow left to right in rows; the attribution just above it,
 * at the right: its parts on one line where they fit, else one line each, stacked upward.
 */
export function legendStrip(items: LegendItem[], width: number, height: number, attribution: readonly string[]): SVGGElement {
  const top = height - LEGEND_HEIGHT;
  const g = svgEl('g', { class: 'map-legend', 'font-size': 11, fill: '#1c1c1c', 'text-anchor': 'start' });
  g.append(svgEl('rect', { x: 0, y: top, width, height: LEGEND_HEIGHT, fill: '#fafafa' }), svgEl('path', { d: `M0,${top}H${width}`, stroke: '#d0d4d9' }));
  let x = 10;
  let y = top + 14;
  for (const item of items) {
    const { node, width: w } = itemMarkup(item);
    if (x + w > width - 8 && x > 10) {
      x = 10;
      y += 19;
    }
    node.setAttribute('transform', `translate(${x},${y})`);
    g.append(node);
    x += w;
  }
  const parts = attribution.filter(Boolean);
  const joined = parts.join(' · ');
  // 10 px text is about 0.85 of the legend's 11 px glyph width.
  const lines = textWidth(joined) * 0.85 <= width - 16 ? [joined] : parts;
  lines.forEach((line, k) => {
    if (line) g.append(svgEl('text', { class: 'map-attribution', x: width - 8, y: top - 6 - 13 * (lines.length - 1 - k), 'text-anchor': 'end', 'font-size': 10, fill: '#555', stroke: 'white', 'stroke-width': 3, 'paint-order': 'stroke' }, line));
  });
  return g;
}
