/**
 * The graph's largest connected piece (ignoring direction). Points snap only onto it: a clipped
 * extract leaves fragments at its edge, and a footway inside a closed compound is its own island —
 * a point snapped there would reach almost nothing.
 */
import type { RoadGraph } from './road-graph.ts';

/** 1 for each segment of the largest component, else 0. */
export function largestComponentSegments(graph: RoadGraph): Uint8Array {
  const n = graph.nodeLon.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  const { a, b } = graph.segments;
  for (let s = 0; s < a.length; s++) {
    const ra = find(a[s]);
    const rb = find(b[s]);
    if (ra !== rb) parent[ra] = rb;
  }
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) size[find(v)]++;
  let biggest = 0;
  for (let v = 1; v < n; v++) if (size[v] > size[biggest]) biggest = v;
  const keep = new Uint8Array(a.length);
  for (let s = 0; s < a.length; s++) keep[s] = find(a[s]) === biggest ? 1 : 0;
  return keep;
}
