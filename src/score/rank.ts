/**
 * Ranks by score, best first, ties broken by id, the same on every run. A stable LSD radix sort over
 * the score's 64 bits (16 bits a pass) of units already in id order: O(n), no comparator calls, and
 * its buffers are kept in a RankSorter so re-ranking 100 k units allocates nothing.
 */
export class RankSorter {
  /** Unit indices in ascending id order (the tie order). */
  readonly idOrder: Uint32Array;
  private readonly keys: Float64Array;
  private readonly keyWords: Uint32Array;
  private readonly order: Uint32Array;
  private readonly scratch: Uint32Array;
  private readonly counts = new Uint32Array(65536);

  constructor(ids: readonly string[]) {
    const n = ids.length;
    const byId = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
    this.idOrder = Uint32Array.from(byId);
    this.keys = new Float64Array(n);
    this.keyWords = new Uint32Array(this.keys.buffer);
    this.order = new Uint32Array(n);
    this.scratch = new Uint32Array(n);
  }

  /** Writes 1-based ranks into `rank` and returns the unit indices best first (a view reused by the next call). */
  rank(score: Float64Array, rank: Int32Array): Uint32Array {
    const n = this.idOrder.length;
    const { keys, keyWords } = this;
    for (let i = 0; i < n; i++) {
      const s = score[i];
      keys[i] = Number.isNaN(s) ? -Infinity : s === 0 ? 0 : s; // −0 ties with 0
    }
    // Map each double to an unsigned key whose ascending order is the descending score order:
    // non-negatives get every bit but the sign inverted, negatives (sign bit set) keep theirs
    // (IEEE 754, little-endian words).
    for (let i = 0; i < n; i++) {
      const hi = keyWords[2 * i + 1];
      if (hi & 0x80000000) continue;
      keyWords[2 * i + 1] = ~hi & 0x7fffffff;
      keyWords[2 * i] = ~keyWords[2 * i] >>> 0;
    }
    let from = this.order;
    let to = this.scratch;
    from.set(this.idOrder);
    for (let pass = 0; pass < 4; pass++) {
      const word = pass < 2 ? 0 : 1;
      const shift = (pass & 1) * 16;
      this.countingPass(from, to, word, shift);
      const t = from;
      from = to;
      to = t;
    }
    for (let p = 0; p < n; p++) rank[from[p]] = p + 1;
    return from;
  }

  private countingPass(from: Uint32Array, to: Uint32Array, word: number, shift: number): void {
    const { counts, keyWords } = this;
    counts.fill(0);
    const n = from.length;
    for (let p = 0; p < n; p++) counts[(keyWords[2 * from[p] + word] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let p = 0; p < n; p++) {
      const unit = from[p];
      to[counts[(keyWords[2 * unit + word] >>> shift) & 0xffff]++] = unit;
    }
  }
}

/** One-off ranking (builds a sorter). */
export function rankScores(score: Float64Array, ids: readonly string[]): { rank: Int32Array; order: Uint32Array } {
  const rank = new Int32Array(score.length);
  const order = new RankSorter(ids).rank(score, rank).slice();
  return { rank, order };
}
