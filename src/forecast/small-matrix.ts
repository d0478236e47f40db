/**
 * Dense algebra for the few parameters of a calibration (p ≤ ~10): symmetric positive definite
 * solves and inverses by Cholesky. Matrices are row-major Float64Array of p × p.
 */

/** Lower Cholesky factor of a symmetric matrix, or null when it is not positive definite. */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * p + i] = Math.sqrt(sum);
      } else l[i * p + j] = sum / l[j * p + j];
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function choleskySolve(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * p + k] * y[k];
    y[i] = sum / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * x[k];
    x[i] = sum / l[i * p + i];
  }
  return x;
}

/** The inverse of a symmetric positive definite matrix, or null when it is singular. */
export function inverseSpd(a: Float64Array, p: number): Float64Array | null {
  const l = cholesky(a, p);
  if (!l) return null;
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const column = choleskySolve(l, p, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = column[i];
  }
  return inv;
}

/** A B A for symmetric p × p A and B (the sandwich). */
export function sandwich(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const ab = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let k = 0; k < p; k++) sum += a[i * p + k] * b[k * p + j];
    ab[i * p + j] = sum;
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let k = 0; k < p; k++) sum += ab[i * p + k] * a[k * p + j];
    out[i * p + j] = sum;
  }
  return out;
}

/** gᵀ C g. */
export function quadraticForm(c: Float64Array, g: ArrayLike<number>, p: number): number {
  let sum = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) sum += g[i] * c[i * p + j] * g[j];
  return sum;
}
