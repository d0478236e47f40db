/**
 * OSM node id → position in the order the nodes were read: a sorted index with binary search
 * (a Map of millions of ids costs several times the memory). Extracts are usually sorted already.
 */
export class OsmNodeIndex {
  private readonly order: Int32Array;

  constructor(private readonly ids: ArrayLike<number>) {
    let sorted = true;
    for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1] <= ids[i];
    this.order = Int32Array.from({ length: ids.length }, (_, i) => i);
    if (!sorted) this.order.sort((a, b) => ids[a] - ids[b]);
  }

  /** The read position of node `id`, or -1 when the extract lacks it. */
  find(id: number): number {
    const { ids, order } = this;
    let lo = 0;
    let hi = order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = ids[order[mid]];
      if (v === id) return order[mid];
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
