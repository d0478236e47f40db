/** K-fold assignment of the observed outlets: a seeded shuffle dealt round-robin, so folds differ in size by at most one. */
import { mulberry32 } from '../sensitivity/random.ts';

/** fold[j] ∈ 0…K−1 for outlets in use, −1 for the others. */
export function assignFolds(use: Uint8Array, folds: number, seed = 1): Int32Array {
  const used: number[] = [];
  use.forEach((u, j) => { if (u) used.push(j); });
  const rnd = mulberry32(seed);
  for (let i = used.length - 1; i > 0; i--) {
    const r = Math.floor(rnd() * (i + 1));
    [used[i], used[r]] = [used[r], used[i]];
  }
  const fold = new Int32Array(use.length).fill(-1);
  used.forEach((j, i) => { fold[j] = i % folds; });
  return fold;
}

/** The observations of every fold but `held`. */
export function trainingMask(fold: Int32Array, held: number): Uint8Array {
  return Uint8Array.from(fold, (f) => (f >= 0 && f !== held ? 1 : 0));
}
