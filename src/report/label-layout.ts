/**
 * Where map labels go without colliding: offered best first, each kept only where its box overlaps
 * no label already kept and stays inside the drawing. Pure geometry, shared by the page's map and
 * the report's maps (each draws the kept labels its own way, on top of every other layer).
 */

export interface LabelCandidate {
  /** Centre of the label, in the drawing's pixels. */
  x: number;
  y: number;
  lines: string[];
  /** Bold first line (the unit's name). */
  strong?: boolean;
}

/** Line height at 11 px text. */
export const LABEL_LINE = 13;

/** Width of a text at 11 px: an average glyph, CJK glyphs about twice as wide. */
export function labelWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6.3), 0);
}

type Box = [number, number, number, number];

export function placeLabelBoxes<C extends LabelCandidate>(candidates: readonly C[], drawing: [[number, number], [number, number]]): C[] {
  const placed: Box[] = [];
  const kept: C[] = [];
  const [[x0, y0], [x1, y1]] = drawing;
  for (const c of candidates) {
    if (!Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    const w = Math.max(...c.lines.map(labelWidth)) + 4;
    const h = c.lines.length * LABEL_LINE + 2;
    const box: Box = [c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2];
    if (box[0] < x0 || box[1] < y0 || box[2] > x1 || box[3] > y1) continue;
    if (placed.some((p) => box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1])) continue;
    placed.push(box);
    kept.push(c);
  }
  return kept;
}
