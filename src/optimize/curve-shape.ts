/**
 * The shape of an objective curve over p: where its knee is and whether it has one worth naming.
 * No solver here, so the report and the page can read a curve without loading the optimiser.
 */

/**
 * Kneedle's idea (Satopää et al. 2011) in its simplest form: scale p and the objective to 0–1 and
 * take the point farthest from the straight line joining the ends.
 */
export function kneeIndex(xs: readonly number[], ys: readonly number[]): number | null {
  const k = xs.length;
  if (k < 3) return null;
  const [x0, x1, y0, y1] = [xs[0], xs[k - 1], ys[0], ys[k - 1]];
  if (x1 === x0 || y1 === y0) return null;
  let best = -1;
  let bestDist = 0;
  for (let t = 1; t < k - 1; t++) {
    const u = (xs[t] - x0) / (x1 - x0);
    const v = (ys[t] - y0) / (y1 - y0);
    const d = Math.abs(v - u);
    if (d > bestDist + 1e-12) {
      bestDist = d;
      best = t;
    }
  }
  return best < 0 ? null : best;
}

/** Below this largest distance from the chord (on 0–1 scales) a curve is called straight: no knee worth naming. */
export const STRAIGHT_CURVE = 0.05;

/** The largest distance of a point from the chord joining the ends, with both axes scaled to 0–1 (0 for a flat curve). */
export function chordDistance(xs: readonly number[], ys: readonly number[]): number {
  const k = xs.length - 1;
  if (k < 1) return 0;
  const [x0, x1, y0, y1] = [xs[0], xs[k], ys[0], ys[k]];
  if (x1 === x0 || y1 === y0) return 0;
  return Math.max(...xs.map((x, t) => Math.abs((ys[t] - y0) / (y1 - y0) - (x - x0) / (x1 - x0))));
}
