/**
 * The nodes of an OSM extract as the decoder reads them (id, lon, lat), and id → read position: a
 * sorted index with binary search, built on the first look-up (a Map of millions of ids costs
 * several times the memory). Extracts are usually sorted already. One collector for every reader
 * of an extract (points, areas, roads).
 */
export class OsmNodes {
  readonly ids: number[] = [];
  readonly lon: number[] = [];
  readonly lat: number[] = [];
  private order: Int32Array | null = null;

  /** The decoder's node callback (bound: pass it as `node`). */
  readonly add = (id: number, lon: number, lat: number): void => {
    this.ids.push(id);
    this.lon.push(lon);
    this.lat.push(lat);
  };

  /** The read position of node `id`, or -1 when the extract lacks it. Call once every node is read. */
  find(id: number): number {
    const { ids } = this;
    const order = (this.order ??= sortedOrder(ids));
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

function sortedOrder(ids: readonly number[]): Int32Array {
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1] <= ids[i];
  const order = Int32Array.from({ length: ids.length }, (_, i) => i);
  if (!sorted) order.sort((a, b) => ids[a] - ids[b]);
  return order;
}
