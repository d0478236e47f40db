/** Seeded random planar instances: demand and candidates uniform in a 10 km square, Euclidean metres. */
import { mulberry32 } from '../../src/sensitivity/random.ts';

export interface RandomInstance {
  n: number;
  m: number;
  cost: Float64Array;
  weights: Float64Array;
}

export function randomInstance(seed: number, n: number, m: number): RandomInstance {
  const rnd = mulberry32(seed);
  const dx = Array.from({ length: n }, () => [rnd() * 10_000, rnd() * 10_000]);
  const fx = Array.from({ length: m }, () => [rnd() * 10_000, rnd() * 10_000]);
  const cost = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) cost[i * m + j] = Math.hypot(dx[i][0] - fx[j][0], dx[i][1] - fx[j][1]);
  const weights = Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * 100));
  return { n, m, cost, weights };
}
