/**
 * The score colours of the shown units: a sequential scale fitted to the scores shown (not 0–100),
 * so the best and the worst on screen differ; cut units are greyed, the colour kept faintly.
 */
import { interpolateRgb, interpolateYlGnBu, scaleSequential } from 'd3';

export const NO_SCORE = '#ececec';
const GREY = '#e4e4e4';

export interface ScoreColour {
  domain: [number, number];
  fill(score: number, kept: boolean): string;
  /** The ramp from domain[0] (t = 0) to domain[1] (t = 1), for the legend. */
  ramp(t: number): string;
}

export function scoreColour(scores: Iterable<number>): ScoreColour {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (!Number.isFinite(s)) continue;
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  if (!(lo <= hi)) [lo, hi] = [0, 100];
  lo = Math.floor(lo);
  hi = Math.ceil(hi);
  if (hi - lo < 2) [lo, hi] = [lo - 1, hi + 1];
  // The palest tenth of YlGnBu is too close to the cut grey: start the ramp a little in.
  const ramp = (t: number): string => interpolateYlGnBu(0.12 + 0.88 * t);
  const scale = scaleSequential(ramp).domain([lo, hi]).clamp(true);
  return {
    domain: [lo, hi],
    fill: (score, kept) => (Number.isFinite(score) ? (kept ? scale(score) : interpolateRgb(scale(score), GREY)(0.7)) : NO_SCORE),
    ramp,
  };
}
