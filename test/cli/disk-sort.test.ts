/**
 * The on-disk primitives of the streamed score path (src/cli/score/disk): record and string files
 * read back exactly as written, and the two external sorts give what an in-memory sort with the
 * same total order gives, however small the runs. A scratch folder that does not exist tells
 * whether a sort spilled: writing a run there throws.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MergeHeap } from '../../src/cli/score/disk/merge-heap.ts';
import { RecordCursor, RecordWriter } from '../../src/cli/score/disk/record-file.ts';
import { sortRecords, type RecordOrder } from '../../src/cli/score/disk/sort-records.ts';
import { StringSorter } from '../../src/cli/score/disk/sort-strings.ts';
import { StringCursor, StringWriter } from '../../src/cli/score/disk/string-file.ts';

const temp = mkdtempSync(join(tmpdir(), 'disk-sort-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let tag = 0;
const file = (name: string): string => join(temp, `${++tag}-${name}`);
function scratch(): string {
  const dir = file('scratch');
  mkdirSync(dir);
  return dir;
}
const missing = (): string => file('no-such-folder');

/** A linear congruential generator: the same sequence on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Writes `rows` (when given) and reads the file back as arrays. */
function records(path: string, width: number, rows?: readonly number[][]): number[][] {
  if (rows) {
    const out = new RecordWriter(path, width);
    for (const row of rows) out.copy(Float64Array.from(row), 0);
    expect(out.close()).toBe(rows.length);
  }
  const cursor = new RecordCursor(path, width);
  const back: number[][] = [];
  while (cursor.next()) back.push(Array.from({ length: width }, (_, k) => cursor.get(k)));
  cursor.close();
  return back;
}

describe('RecordWriter / RecordCursor', () => {
  const width = 3;
  const specials = [NaN, -0, 0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE, 2 ** 53];
  /** Field k of record i, a pure function so 700 k records need no reference array. */
  const value = (i: number, k: number): number => (k === 0 ? i : k === 1 ? specials[i % specials.length] : -i / 7);
  const same = (path: string, count: number, records?: number): void => {
    const cursor = new RecordCursor(path, width, records); // undefined: the default block
    let bad = 0;
    for (let i = 0; i < count; i++) {
      if (!cursor.next() || cursor.index !== i) bad++;
      for (let k = 0; k < width; k++) if (!Object.is(cursor.get(k), value(i, k)) || !Object.is(cursor.block[cursor.at + k], value(i, k))) bad++;
    }
    expect(bad).toBe(0);
    expect(cursor.next()).toBe(false);
    expect(cursor.next()).toBe(false); // still false once the file is closed
    cursor.close();
  };

  /** Writes `count` records: even ones through slot(), odd ones through copy() from an offset. */
  const write = (path: string, count: number): void => {
    const out = new RecordWriter(path, width);
    const row = new Float64Array(2 * width);
    for (let i = 0; i < count; i++) {
      if (i % 2 === 0) {
        const at = out.slot();
        for (let k = 0; k < width; k++) out.block[at + k] = value(i, k);
      } else {
        for (let k = 0; k < width; k++) row[width + k] = value(i, k);
        out.copy(row, width);
      }
    }
    expect(out.close()).toBe(count);
    expect(statSync(path).size).toBe(count * width * 8);
  };

  it('reads back 2 blocks + 5 records bit for bit (NaN, -0, ±Infinity)', () => {
    // a block holds floor(2^20 / 3) = 349 525 records of width 3: this crosses two block ends
    const count = 2 * Math.floor((1 << 20) / width) + 5;
    const path = file('big.f64');
    write(path, count);
    same(path, count);
    same(path, count, 4096);
  });

  it('reads the same with a one-record and a seven-record block', () => {
    const path = file('small.f64');
    write(path, 10_000);
    same(path, 10_000, 1);
    same(path, 10_000, 7);
  });

  it('an empty file has no records', () => {
    expect(records(file('empty.f64'), width, [])).toEqual([]);
  });
});

describe('StringWriter / StringCursor', () => {
  it('reads back every string, across 1 MB blocks, then undefined', () => {
    const big = 'x'.repeat((1 << 20) + 3); // longer than the 1 MB block
    const bigWide = '银'.repeat(400_000); // 1.2 MB of 3-byte UTF-8
    const small = Array.from({ length: 60_000 }, (_, i) => `id-${i}-é`); // ~0.7 MB: blocks end inside records
    const texts = ['', 'a,b\nc\r\n"q"', '北京市朝阳区', '😀🏦', '\uD83D\uDE00', ...small, big, '', bigWide, ...small, 'end'];
    const path = file('strings.bin');
    const out = new StringWriter(path);
    for (const t of texts) out.add(t);
    expect(out.close()).toBe(texts.length);
    const cursor = new StringCursor(path);
    const back: string[] = [];
    for (let t = cursor.next(); t !== undefined; t = cursor.next()) back.push(t);
    expect(back.length).toBe(texts.length);
    expect(back.findIndex((t, i) => t !== texts[i])).toBe(-1);
    expect(cursor.next()).toBeUndefined();
    cursor.close();
  });

  it('an empty file gives undefined at once', () => {
    const path = file('none.bin');
    expect(new StringWriter(path).close()).toBe(0);
    expect(new StringCursor(path).next()).toBeUndefined();
  });
});

describe('sortRecords', () => {
  const width = 3;
  // key 0 ascending, key 1 descending, field 2 (unique) ascending: a total order
  const order: RecordOrder = (a, i, b, j) => a[i] - b[j] || b[j + 1] - a[i + 1] || a[i + 2] - b[j + 2];
  const byOrder = (x: number[], y: number[]): number => order(Float64Array.from(x), 0, Float64Array.from(y), 0);
  const rows = (n: number, seed: number): number[][] => {
    const r = random(seed);
    const ids = Array.from({ length: n }, (_, i) => i).sort(() => r() - 0.5);
    return ids.map((id) => [Math.floor(r() * 5), Math.floor(r() * 3) - 1.5, id]); // 15 key pairs: many duplicates
  };
  const sortCase = (data: number[][], runBytes: number, dir: string): number[][] => {
    const input = file('in.f64');
    const output = file('out.f64');
    records(input, width, data);
    expect(sortRecords(input, output, width, order, { runBytes, scratch: dir })).toBe(data.length);
    return records(output, width);
  };

  // a run holds floor(runBytes / (8 * 3 + 4)) records, at least 2
  it.each([
    ['4-record runs', 8 * width * 5, 999],
    ['2-record runs', 8 * width * 2, 1001],
    ['runs that end with the input (8 = 2 × 4)', 8 * width * 5, 8],
  ])('%s: equals the in-memory sort and leaves no runs behind', (_, runBytes, n) => {
    const data = rows(n, n);
    const dir = scratch();
    expect(sortCase(data, runBytes, dir)).toEqual([...data].sort(byOrder));
    expect(readdirSync(dir)).toEqual([]);
    expect(() => sortCase(data, runBytes, missing())).toThrow(/ENOENT/); // it did spill
  });

  it('one run: sorted without touching the scratch folder', () => {
    const data = rows(1000, 7);
    expect(sortCase(data, 1 << 20, missing())).toEqual([...data].sort(byOrder));
  });

  it('empty input gives an empty output file', () => {
    expect(sortCase([], 48, missing())).toEqual([]); // the cursor opens the output: it exists
  });
});

describe('StringSorter', () => {
  type Pair = [string, number];
  const inMemory = (pairs: readonly Pair[]): Pair[] => [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const sorted = (pairs: readonly Pair[], runBytes: number, dir: string): Pair[] => {
    const sorter = new StringSorter({ runBytes, scratch: dir });
    for (const [text, index] of pairs) sorter.add(text, index);
    const out: Pair[] = [];
    sorter.finish((text, index) => out.push([text, index]));
    return out;
  };

  it('orders by UTF-16 code units, then index (checked by hand)', () => {
    // U+1F600 is the pair D83D DE00, below FF5E in code units though above it in code points
    const pairs: Pair[] = [['\uFF5E', 0], ['\uD83D\uDE00', 1], ['b', 5], ['', 3], ['b', 2], ['B', 4]];
    const expected: Pair[] = [['', 3], ['B', 4], ['b', 2], ['b', 5], ['\uD83D\uDE00', 1], ['\uFF5E', 0]];
    expect(sorted(pairs, 1 << 20, missing())).toEqual(expected);
    const dir = scratch();
    expect(sorted(pairs, 1, dir)).toEqual(expected); // a run per string
    expect(readdirSync(dir)).toEqual([]);
  });

  const pool = ['', 'a', 'A', 'a\u0000', 'ab', '\uFF5E', '\uD83D\uDE00', '😀a', 'é', 'e\u0301', '北京', 'a,b', 'x\ny', 'id-10', 'id-9'];
  const pairs = (n: number, seed: number): Pair[] => {
    const r = random(seed);
    const indices = Array.from({ length: n }, (_, i) => i).sort(() => r() - 0.5); // ties arrive out of index order
    return indices.map((i): Pair => [pool[Math.floor(r() * pool.length)] + (r() < 0.5 ? '' : String(Math.floor(r() * 3))), i]);
  };

  // two sizes: a run seldom ends exactly with the input, so finish() has a part run to spill
  it.each([2999, 3000])('%i strings in runs of ~8 equal the in-memory sort; no runs are left', (n) => {
    const data = pairs(n, n);
    const dir = scratch();
    expect(sorted(data, 8 * 50, dir)).toEqual(inMemory(data));
    expect(readdirSync(dir)).toEqual([]);
    expect(() => sorted(data, 8 * 50, missing())).toThrow(/ENOENT/); // it did spill
  });

  it('a large runBytes sorts in memory, never touching the scratch folder', () => {
    const data = pairs(3000, 12);
    expect(sorted(data, 1 << 24, missing())).toEqual(inMemory(data));
  });
});

describe('MergeHeap', () => {
  it('merges k sorted arrays, ties by run number', () => {
    const r = random(5);
    const runs = Array.from({ length: 23 }, (_, k) => Array.from({ length: k % 4 === 0 ? 0 : Math.floor(r() * 40) }, () => Math.floor(r() * 30)).sort((a, b) => a - b));
    const at = runs.map(() => 0);
    const heap = new MergeHeap((x, y) => runs[x][at[x]] < runs[y][at[y]] || (runs[x][at[x]] === runs[y][at[y]] && x < y));
    runs.forEach((run, x) => {
      if (run.length > 0) heap.push(x);
    });
    const out: [number, number][] = [];
    while (heap.size > 0) {
      const x = heap.top;
      out.push([runs[x][at[x]], x]);
      heap.advanced(++at[x] < runs[x].length);
    }
    const expected = runs.flatMap((run, x) => run.map((v): [number, number] => [v, x])).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(out.length).toBeGreaterThan(0);
    expect(out).toEqual(expected);
  });
});
