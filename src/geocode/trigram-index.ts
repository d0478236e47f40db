/**
 * An n-gram (trigram) index over distinct street strings, so fuzzy look-up touches only streets
 * that share letters with the query instead of scanning a 100k-row gazetteer. Candidates are ranked
 * by the Dice coefficient of their trigram sets; very common trigrams ("str", "eet") are skipped
 * once rarer ones have been counted, which keeps a query cheap on large gazetteers.
 */
export function trigrams(s: string): string[] {
  const chars = Array.from(` ${s} `);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars[i] + chars[i + 1] + chars[i + 2]);
  return [...out];
}

export interface TrigramCandidate {
  id: number;
  dice: number;
}

export class TrigramIndex {
  private readonly postings = new Map<string, Int32Array>();
  private readonly sizes: Int32Array;
  private readonly counts: Uint16Array;

  constructor(strings: readonly string[]) {
    const lists = new Map<string, number[]>();
    this.sizes = new Int32Array(strings.length);
    strings.forEach((s, id) => {
      const grams = trigrams(s);
      this.sizes[id] = grams.length;
      for (const g of grams) {
        const list = lists.get(g);
        if (list) list.push(id);
        else lists.set(g, [id]);
      }
    });
    for (const [g, list] of lists) this.postings.set(g, Int32Array.from(list));
    this.counts = new Uint16Array(strings.length);
  }

  /** Up to `limit` ids that pass `accept`, best Dice first (ties: lower id first). */
  search(query: string, limit: number, accept: (id: number) => boolean = () => true): TrigramCandidate[] {
    const grams = trigrams(query);
    const lists = grams.map((g) => this.postings.get(g)).filter((l): l is Int32Array => l !== undefined);
    lists.sort((a, b) => a.length - b.length);
    const common = Math.max(5_000, this.sizes.length / 5);
    const touched: number[] = [];
    lists.forEach((list, k) => {
      if (k >= 2 && list.length > common) return;
      for (const id of list) {
        if (this.counts[id] === 0) touched.push(id);
        this.counts[id]++;
      }
    });
    // Keep the best `limit` by insertion into a short sorted list: no sort of every touched id.
    const best: TrigramCandidate[] = [];
    const worse = (a: TrigramCandidate, b: TrigramCandidate): boolean => a.dice < b.dice || (a.dice === b.dice && a.id > b.id);
    for (const id of touched) {
      const dice = (2 * this.counts[id]) / (grams.length + this.sizes[id]);
      this.counts[id] = 0;
      const candidate = { id, dice };
      if (best.length === limit && !worse(best[limit - 1], candidate)) continue;
      if (!accept(id)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && worse(best[at - 1], candidate)) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = candidate;
    }
    return best;
  }
}
