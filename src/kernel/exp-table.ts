/**
 * e^(−x) for 0 ≤ x < 64 as COARSE[j >> 5] · FINE[j & 31] · e^(−r), j = ⌊1024x⌋, r = x − j/1024 < 2^-10,
 * with e^(−r) by 6 terms of its series in Estrin form (first omitted term r⁶/720 < 2e-21): as exact
 * as Math.exp (a few ulp) and a short dependency chain, so the decay loop in scan-sum-within.ts,
 * which inlines it, runs about twice as fast as with Math.exp. Beyond 64: Math.exp.
 */
export const EXP_STEPS = 1024;
export const EXP_MAX = 64;
/** 1/EXP_STEPS, exact (a power of two): a multiply instead of a division in the loop. */
export const INV_STEPS = 1 / EXP_STEPS;
export const EXP_COARSE = Float64Array.from({ length: (EXP_MAX * EXP_STEPS) / 32 + 1 }, (_, j) => Math.exp(-j / 32));
export const EXP_FINE = Float64Array.from({ length: 32 }, (_, j) => Math.exp(-j / EXP_STEPS));

/** The same computation as the inlined loop, for tests and one-off use. */
export function expNeg(x: number): number {
  if (!(x >= 0 && x < EXP_MAX)) return Math.exp(-x);
  const s = x * EXP_STEPS, j = s | 0, r = (s - j) * INV_STEPS, r2 = r * r;
  return EXP_COARSE[j >> 5] * EXP_FINE[j & 31] * ((1 - r) + r2 * (1 / 2 - r * (1 / 6)) + r2 * r2 * (1 / 24 - r * (1 / 120)));
}
