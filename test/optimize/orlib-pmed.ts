/**
 * OR-Library p-median instances (Beasley 1985; ../shared/data/orlib-pmed, format in its README):
 * an undirected graph whose all-pairs shortest paths (Floyd–Warshall) are the costs; every vertex
 * is a demand point of weight 1 and a candidate. Read here for the tests and the benchmark.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ORLIB_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'orlib-pmed');

export interface OrlibInstance {
  name: string;
  n: number;
  p: number;
  /** n × n shortest-path lengths, row-major. */
  cost: Float64Array;
}

export function readOrlib(name: string): OrlibInstance {
  const lines = readFileSync(path.join(ORLIB_DIR, `${name}.txt`), 'utf8').trim().split(/\r?\n/);
  const [n, edges, p] = lines[0].trim().split(/\s+/).map(Number);
  const cost = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) cost[i * n + i] = 0;
  // The last line naming an edge gives its length (README), so later lines overwrite.
  for (let e = 1; e <= edges; e++) {
    const [a, b, c] = lines[e].trim().split(/\s+/).map(Number);
    if (a === b) continue;
    cost[(a - 1) * n + (b - 1)] = c;
    cost[(b - 1) * n + (a - 1)] = c;
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const ik = cost[i * n + k];
      if (ik === Infinity) continue;
      for (let j = 0; j < n; j++) {
        const v = ik + cost[k * n + j];
        if (v < cost[i * n + j]) cost[i * n + j] = v;
      }
    }
  }
  return { name, n, p, cost };
}

/** Proven optima from optima.txt, by instance name. */
export function orlibOptima(): Map<string, number> {
  const rows = readFileSync(path.join(ORLIB_DIR, 'optima.txt'), 'utf8').trim().split(/\r?\n/).slice(1);
  return new Map(rows.map((r) => r.trim().split(/\s+/)).map(([name, v]) => [name, Number(v)]));
}
