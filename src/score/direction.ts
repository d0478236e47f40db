/**
 * A criterion's direction turns its raw value into "goodness" (higher is better) before it is
 * normalised: lower → −x; toward a target t → −|x − t|; inside a range [a, b] → −(distance outside
 * the range), so every value inside the range is equally best.
 */
import type { Direction } from '../scenario/criterion-spec.ts';

export function applyDirection(raw: Float64Array, direction: Direction, out = new Float64Array(raw.length)): Float64Array {
  if (direction === 'higher') {
    out.set(raw);
  } else if (direction === 'lower') {
    for (let i = 0; i < raw.length; i++) out[i] = -raw[i];
  } else if ('target' in direction) {
    const t = direction.target;
    for (let i = 0; i < raw.length; i++) out[i] = -Math.abs(raw[i] - t);
  } else {
    const [low, high] = direction.range;
    for (let i = 0; i < raw.length; i++) {
      const x = raw[i];
      out[i] = x < low ? x - low : x > high ? high - x : 0;
    }
  }
  return out;
}
