/**
 * Independent reference for the SF instance: reads the CSV with plain string splitting (no code
 * under test) into a dense tract × store matrix, and brute-forces every model by enumeration.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SF_COSTS = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'sf-spopt', 'SF_network_distance_candidateStore_16_censusTract_205_new.csv');

export interface Dense {
  tracts: string[];
  stores: string[];
  /** d[i][j] metres from tract i to store j. */
  d: number[][];
  w: number[];
}

export function readSfDense(): Dense {
  const lines = readFileSync(SF_COSTS, 'utf8').trim().split(/\r?\n/);
  const tracts: string[] = [];
  const stores: string[] = [];
  const ti = new Map<string, number>();
  const si = new Map<string, number>();
  const cells: [number, number, number][] = [];
  const w: number[] = [];
  for (const line of lines.slice(1)) {
    const [dist, store, tract, demand] = line.split(',');
    if (!ti.has(tract)) { ti.set(tract, tracts.length); tracts.push(tract); w.push(Number(demand)); }
    if (!si.has(store)) { si.set(store, stores.length); stores.push(store); }
    cells.push([ti.get(tract)!, si.get(store)!, Number(dist)]);
  }
  const d = tracts.map(() => stores.map(() => NaN));
  for (const [i, j, v] of cells) d[i][j] = v;
  return { tracts, stores, d, w };
}

/** Every k-subset of 0..m−1, in lexicographic order. */
export function* subsets(m: number, k: number): Generator<number[]> {
  const pick = Array.from({ length: k }, (_, t) => t);
  for (;;) {
    yield pick.slice();
    let t = k - 1;
    while (t >= 0 && pick[t] === m - k + t) t--;
    if (t < 0) return;
    pick[t]++;
    for (let s = t + 1; s < k; s++) pick[s] = pick[s - 1] + 1;
  }
}

export function nearest(x: Dense, i: number, set: number[]): number {
  let best = Infinity;
  for (const j of set) best = Math.min(best, x.d[i][j]);
  return best;
}

export const objectives = {
  mclp: (x: Dense, set: number[], s: number) => x.w.reduce((acc, w, i) => acc + (nearest(x, i, set) <= s ? w : 0), 0),
  pmedian: (x: Dense, set: number[]) => x.w.reduce((acc, w, i) => acc + w * nearest(x, i, set), 0),
  pcenter: (x: Dense, set: number[]) => Math.max(...x.w.map((_, i) => nearest(x, i, set))),
  covers: (x: Dense, set: number[], s: number) => x.w.every((_, i) => nearest(x, i, set) <= s),
};

/** Best value over all k-subsets and every subset reaching it. */
export function bruteForce(m: number, k: number, value: (set: number[]) => number, maximise: boolean, mustContain: number[] = []): { best: number; argmax: number[][]; count: number } {
  let best = maximise ? -Infinity : Infinity;
  let argmax: number[][] = [];
  let count = 0;
  const rel = 1e-9;
  for (const set of subsets(m, k)) {
    if (!mustContain.every((j) => set.includes(j))) continue;
    count++;
    const v = value(set);
    const better = maximise ? v > best * (1 + rel) : v < best * (1 - rel);
    if (better) { best = v; argmax = [set]; }
    else if (Math.abs(v - best) <= rel * Math.abs(best)) argmax.push(set);
  }
  return { best, argmax, count };
}
