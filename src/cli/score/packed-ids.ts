/**
 * The ids of a streamed candidate file without a JS string per row: UTF-16 code units packed in
 * one buffer, compared the way JS compares strings (code unit by code unit), so the tie order of
 * the ranking and the duplicate check are those of the whole-file path (RankSorter, toLayer).
 */
import { Growable } from './growable.ts';

export class PackedIds {
  private units = new Uint16Array(1 << 16);
  private used = 0;
  private readonly starts = new Growable(Float64Array);

  get length(): number {
    return this.starts.length;
  }

  add(id: string): void {
    if (this.used + id.length > this.units.length) {
      const bigger = new Uint16Array(Math.max(this.units.length * 2, this.used + id.length));
      bigger.set(this.units.subarray(0, this.used));
      this.units = bigger;
    }
    for (let c = 0; c < id.length; c++) this.units[this.used + c] = id.charCodeAt(c);
    this.starts.push(this.used);
    this.used += id.length;
  }

  private start(i: number): number {
    return this.starts.at(i);
  }

  private end(i: number): number {
    return i + 1 < this.starts.length ? this.starts.at(i + 1) : this.used;
  }

  get(i: number): string {
    const s = this.start(i);
    const e = this.end(i);
    const u = this.units;
    if (e - s <= 32) {
      let out = '';
      for (let p = s; p < e; p++) out += String.fromCharCode(u[p]);
      return out;
    }
    let out = '';
    for (let p = s; p < e; p += 8192) out += String.fromCharCode(...u.subarray(p, Math.min(e, p + 8192)));
    return out;
  }

  isEmpty(i: number): boolean {
    return this.end(i) === this.start(i);
  }

  /** <0, 0, >0 as ids[a] < ids[b] for JS strings. */
  compare(a: number, b: number): number {
    const sa = this.start(a), ea = this.end(a), sb = this.start(b), eb = this.end(b);
    const la = ea - sa, lb = eb - sb;
    const u = this.units;
    for (let k = 0, m = Math.min(la, lb); k < m; k++) {
      const d = u[sa + k] - u[sb + k];
      if (d !== 0) return d;
    }
    return la - lb;
  }

  private hash(i: number): number {
    let h = 0x811c9dc5;
    for (let p = this.start(i), e = this.end(i); p < e; p++) h = Math.imul(h ^ this.units[p], 0x01000193);
    return h >>> 0;
  }

  /**
   * For each id (in order) among `live` ones: -1 for the first of its value, else the index of that
   * first one. An open-addressing table of indices; equal hashes are compared in full.
   */
  firstOf(live: (i: number) => boolean): Int32Array {
    const n = this.length;
    let size = 1024;
    while (size < 2 * n) size *= 2;
    const table = new Int32Array(size).fill(-1);
    const first = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (!live(i)) continue;
      let slot = this.hash(i) & (size - 1);
      for (;;) {
        const j = table[slot];
        if (j < 0) {
          table[slot] = i;
          break;
        }
        if (this.compare(i, j) === 0) {
          first[i] = j;
          break;
        }
        slot = (slot + 1) & (size - 1);
      }
    }
    return first;
  }

  /** The ids whose keep[i] is 1, in order. */
  keep(keep: Uint8Array): PackedIds {
    const out = new PackedIds();
    out.units = new Uint16Array(Math.max(1, this.used));
    for (let i = 0; i < this.length; i++) {
      if (!keep[i]) continue;
      const s = this.start(i);
      const e = this.end(i);
      out.units.set(this.units.subarray(s, e), out.used);
      out.starts.push(out.used);
      out.used += e - s;
    }
    return out;
  }

  /** Indices in ascending id order, ties by index: RankSorter's tie order. */
  idOrder(): Uint32Array {
    const order = Uint32Array.from({ length: this.length }, (_, i) => i);
    return order.sort((a, b) => this.compare(a, b) || a - b);
  }
}
