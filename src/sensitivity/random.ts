/**
 * Seeded randomness for the weight perturbation: mulberry32 uniforms, Box–Muller normals,
 * Marsaglia–Tsang gammas, and Dirichlet draws as normalised gammas. Same seed → same draws,
 * in Node and the browser.
 */
export type Uniform = () => number;

export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normal(rnd: Uniform): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/** Gamma(shape, 1) (Marsaglia & Tsang 2000; shape < 1 by the u^(1/shape) boost). */
export function gamma(rnd: Uniform, shape: number): number {
  if (shape <= 0) return 0;
  if (shape < 1) return gamma(rnd, shape + 1) * Math.pow(1 - rnd(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rnd);
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = 1 - rnd();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** One Dirichlet(alpha) draw into `out`; zero alphas stay zero. */
export function dirichlet(rnd: Uniform, alpha: ArrayLike<number>, out: Float64Array): void {
  let total = 0;
  for (let k = 0; k < alpha.length; k++) {
    out[k] = gamma(rnd, alpha[k]);
    total += out[k];
  }
  for (let k = 0; k < alpha.length; k++) out[k] = total > 0 ? out[k] / total : 0;
}
