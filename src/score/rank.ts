/**
 * Ranks by score, best first, ties broken by id, the same on every run. Units start in id order; a
 * stable LSD radix sort (two 16-bit passes) orders them by the score rounded to float32, then each
 * run of equal float32 keys is put in exact float64 order with a stable sort, so the result is the
 * exact (score desc, id asc) order at O(n) cost. Buffers live in the RankSorter, so re-ranking
 * 100 k units allocates nothing.
 */
export class RankSorter {
  /** Unit indices in ascending id order (the tie order). */
  readonly idOrder: Uint32Array;
  private readonly keyFloat: Float32Array;
  /** Keys and units ping-pong between the A and B buffers across the two passes. */
  private readonly keyA: Uint32Array;
  private readonly keyB: Uint32Array;
  private readonly unitA: Uint32Array;
  private readonly unitB: Uint32Array;
  private readonly countLo = new Uint32Array(65536);
  private readonly countHi = new Uint32Array(65536);

  constructor(ids: readonly string[]) {
    const n = ids.length;
    this.idOrder = Uint32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b)));
    this.keyFloat = new Float32Array(n);
    this.keyA = new Uint32Array(this.keyFloat.buffer);
    this.keyB = new Uint32Array(n);
    this.unitA = new Uint32Array(n);
    this.unitB = new Uint32Array(n);
  }

  /** Writes 1-based ranks into `rank`; returns the unit indices best first (a view the next call reuses). */
  rank(score: Float64Array, rank: Int32Array): Uint32Array {
    const n = this.idOrder.length;
    const { idOrder, keyFloat, keyA, keyB, unitA, unitB, countLo, countHi } = this;
    for (let p = 0; p < n; p++) keyFloat[p] = exact(score[idOrder[p]]);
    countLo.fill(0);
    countHi.fill(0);
    // Unsigned keys whose ascending order is descending score: non-negatives get every bit but the
    // sign inverted, negatives (sign bit set) keep theirs (IEEE 754).
    for (let p = 0; p < n; p++) {
      let bits = keyA[p];
      if (!(bits & 0x80000000)) keyA[p] = bits = ~bits & 0x7fffffff;
      countLo[bits & 0xffff]++;
      countHi[bits >>> 16]++;
    }
    prefixSums(countLo);
    prefixSums(countHi);
    for (let p = 0; p < n; p++) {
      const k = keyA[p];
      const to = countLo[k & 0xffff]++;
      keyB[to] = k;
      unitB[to] = idOrder[p];
    }
    for (let p = 0; p < n; p++) {
      const k = keyB[p];
      const to = countHi[k >>> 16]++;
      keyA[to] = k;
      unitA[to] = unitB[p];
    }
    fixRuns(unitA, keyA, score);
    for (let p = 0; p < n; p++) rank[unitA[p]] = p + 1;
    return unitA;
  }
}

function prefixSums(counts: Uint32Array): void {
  let sum = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b];
    counts[b] = sum;
    sum += c;
  }
}

/** The score as ranked: NaN ranks last (as −∞); −0 ties with 0. */
export function exact(s: number): number {
  return Number.isNaN(s) ? -Infinity : s === 0 ? 0 : s;
}

/**
 * Within each run of equal float32 keys, order by the exact score, descending, keeping id order
 * among exact ties (insertion sort for short runs, a stable library sort for long ones).
 */
function fixRuns(order: Uint32Array, keys: Uint32Array, score: Float64Array): void {
  const n = order.length;
  let start = 0;
  while (start < n) {
    const k = keys[start];
    let end = start + 1;
    while (end < n && keys[end] === k) end++;
    if (end - start > 32) {
      // a long run of near-equal scores: a stable library sort keeps the id order of exact ties
      const run = Array.from(order.subarray(start, end)).sort((a, b) => exact(score[b]) - exact(score[a]));
      order.set(run, start);
    } else if (end - start > 1) {
      for (let p = start + 1; p < end; p++) {
        const unit = order[p];
        const s = exact(score[unit]);
        let q = p - 1;
        while (q >= start && exact(score[order[q]]) < s) {
          order[q + 1] = order[q];
          q--;
        }
        order[q + 1] = unit;
      }
    }
    start = end;
  }
}

/** One-off ranking (builds a sorter). */
export function rankScores(score: Float64Array, ids: readonly string[]): { rank: Int32Array; order: Uint32Array } {
  const rank = new Int32Array(score.length);
  const order = new RankSorter(ids).rank(score, rank).slice();
  return { rank, order };
}
