/**
 * An external sort of (string, index) pairs in JS string order (UTF-16 code units, as `<` compares
 * them), ties by index: the ids of a streamed candidate file put in the order RankSorter and the
 * duplicate check use. Runs of about `runBytes` are sorted in memory and written out (strings and
 * indices side by side), then merged through a heap and handed to `each` in order. Node only.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { collectGarbage } from '../collect-garbage.ts';
import { MergeHeap } from './merge-heap.ts';
import { RecordCursor, RecordWriter } from './record-file.ts';
import { FAN_IN, type SortOptions } from './sort-records.ts';
import { StringCursor, StringWriter } from './string-file.ts';

/** What a JS string costs in memory besides its characters (header, the array's slot). */
const STRING_OVERHEAD = 48;

let runNumber = 0;

interface Run {
  strings: string;
  indices: string;
}

export class StringSorter {
  private texts: string[] = [];
  private indices: number[] = [];
  private bytes = 0;
  private readonly runs: Run[] = [];

  constructor(private readonly opts: SortOptions) {}

  add(text: string, index: number): void {
    this.texts.push(text);
    this.indices.push(index);
    this.bytes += 2 * text.length + STRING_OVERHEAD;
    if (this.bytes >= this.opts.runBytes) this.spill();
  }

  private sortedRun(): number[] {
    const { texts, indices } = this;
    return Array.from({ length: texts.length }, (_, i) => i).sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : indices[a] - indices[b]));
  }

  private spill(): void {
    const run = this.newRun();
    const strings = new StringWriter(run.strings, Math.min(1 << 20, this.bytes));
    const indices = new RecordWriter(run.indices, 1, this.texts.length);
    for (const p of this.sortedRun()) {
      strings.add(this.texts[p]);
      indices.block[indices.slot()] = this.indices[p];
    }
    strings.close();
    indices.close();
    this.runs.push(run);
    this.texts = [];
    this.indices = [];
    this.bytes = 0;
    // the run's strings are garbage now, in old space: collect them before the next run piles up
    collectGarbage();
  }

  /** Calls `each` with every pair in order; the sorter is spent. */
  finish(each: (text: string, index: number) => void): void {
    if (this.runs.length === 0) {
      for (const p of this.sortedRun()) each(this.texts[p], this.indices[p]);
      this.texts = [];
      this.indices = [];
      return;
    }
    if (this.texts.length > 0) this.spill();
    let runs = this.runs;
    // merge at most FAN_IN runs at a time: open files and read blocks stay few however many runs
    while (runs.length > FAN_IN) {
      const merged: Run[] = [];
      for (let g = 0; g < runs.length; g += FAN_IN) {
        const group = runs.slice(g, g + FAN_IN);
        if (group.length === 1) {
          merged.push(group[0]);
          continue;
        }
        const run = this.newRun();
        const strings = new StringWriter(run.strings);
        const indices = new RecordWriter(run.indices, 1);
        this.merge(group, (text, index) => {
          strings.add(text);
          indices.block[indices.slot()] = index;
        });
        strings.close();
        indices.close();
        merged.push(run);
      }
      runs = merged;
    }
    this.merge(runs, each);
  }

  private newRun(): Run {
    const n = ++runNumber;
    return { strings: path.join(this.opts.scratch, `ids-${n}.txt`), indices: path.join(this.opts.scratch, `ids-${n}.f64`) };
  }

  /** Merges sorted runs into `each`, then deletes them. */
  private merge(runs: Run[], each: (text: string, index: number) => void): void {
    const perRun = Math.max(64, Math.floor(this.opts.runBytes / runs.length / 64));
    const heads = runs.map((run) => ({ strings: new StringCursor(run.strings, perRun * 32), indices: new RecordCursor(run.indices, 1, perRun), text: '', index: 0 }));
    const advance = (h: (typeof heads)[number]): boolean => {
      const text = h.strings.next();
      if (text === undefined || !h.indices.next()) return false;
      h.text = text;
      h.index = h.indices.get(0);
      return true;
    };
    const heap = new MergeHeap((x, y) => {
      const a = heads[x], b = heads[y];
      return a.text < b.text || (a.text === b.text && a.index < b.index);
    });
    heads.forEach((h, x) => {
      if (advance(h)) heap.push(x);
    });
    while (heap.size > 0) {
      const h = heads[heap.top];
      each(h.text, h.index);
      heap.advanced(advance(h));
    }
    for (const h of heads) {
      h.strings.close();
      h.indices.close();
    }
    for (const run of runs) {
      rmSync(run.strings, { force: true });
      rmSync(run.indices, { force: true });
    }
  }
}
