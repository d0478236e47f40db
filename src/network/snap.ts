/**
 * Snapping points to the nearest street segment: a grid over the segments in a local plane
 * (equirectangular about the graph's mean latitude: city-sized extents stay within 0.1 % of the
 * great-circle offset), searched in growing rings of cells. Only the largest connected piece of
 * the network is indexed (components.ts). A point farther than the limit from every segment is
 * reported as not snapped, never silently moved or dropped.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import type { Points } from '../kernel/types.ts';
import { largestComponentSegments } from './components.ts';
import type { RoadGraph } from './road-graph.ts';

const RAD = Math.PI / 180;
/** Grid cell side, metres: a few city blocks' worth of segments per cell. */
const CELL = 100;

/** Where each point meets the network: segment, fraction along it from `a`, off-network metres. */
export interface SnappedPoints {
  segment: Int32Array;
  /** 0 at the segment's a end, 1 at its b end. */
  t: Float64Array;
  /** Metres from the point to the street (NaN when not snapped). */
  offset: Float64Array;
  /** The points in the index's local plane, metres (for the direct walk between neighbours). */
  x: Float64Array;
  y: Float64Array;
  /** Indices of the points farther than the limit from every street (segment = -1). */
  unsnapped: number[];
}

export class SegmentIndex {
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly kx: number;
  private readonly minX: number;
  private readonly minY: number;
  private readonly cols: number;
  private readonly rowsN: number;
  private readonly cellStart: Int32Array;
  private readonly cellSeg: Int32Array;

  constructor(private readonly graph: RoadGraph) {
    const { nodeLon, nodeLat, segments } = graph;
    let meanLat = 0;
    for (let i = 0; i < nodeLat.length; i++) meanLat += nodeLat[i];
    meanLat /= Math.max(1, nodeLat.length);
    this.kx = Math.cos(meanLat * RAD) * RAD * EARTH_RADIUS_M;
    const ky = RAD * EARTH_RADIUS_M;
    const n = nodeLon.length;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = (this.x[i] = nodeLon[i] * this.kx);
      const y = (this.y[i] = nodeLat[i] * ky);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    this.minX = minX;
    this.minY = minY;
    this.cols = Math.max(1, Math.ceil((maxX - minX) / CELL) + 1);
    this.rowsN = Math.max(1, Math.ceil((maxY - minY) / CELL) + 1);
    // Two passes over each segment's cell box: count, then fill (CSR of cell → segments).
    const cells = this.cols * this.rowsN;
    const count = new Int32Array(cells + 1);
    const m = segments.a.length;
    const keep = largestComponentSegments(graph);
    const visit = (s: number, each: (cell: number) => void): void => {
      const ax = this.x[segments.a[s]], ay = this.y[segments.a[s]], bx = this.x[segments.b[s]], by = this.y[segments.b[s]];
      const c0 = this.col(Math.min(ax, bx)), c1 = this.col(Math.max(ax, bx));
      const r0 = this.row(Math.min(ay, by)), r1 = this.row(Math.max(ay, by));
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) each(r * this.cols + c);
    };
    for (let s = 0; s < m; s++) if (keep[s]) visit(s, (cell) => count[cell + 1]++);
    for (let c = 0; c < cells; c++) count[c + 1] += count[c];
    const fill = count.slice(0, cells);
    this.cellSeg = new Int32Array(count[cells]);
    for (let s = 0; s < m; s++) if (keep[s]) visit(s, (cell) => (this.cellSeg[fill[cell]++] = s));
    this.cellStart = count;
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / CELL)));
  }

  private row(y: number): number {
    return Math.min(this.rowsN - 1, Math.max(0, Math.floor((y - this.minY) / CELL)));
  }

  /** Snaps every point; those beyond `limit` metres of every segment are listed in `unsnapped`. */
  snap(points: Points, limit: number): SnappedPoints {
    const n = points.lon.length;
    const x = points.lon.map((lon) => lon * this.kx);
    const y = points.lat.map((lat) => lat * RAD * EARTH_RADIUS_M);
    const out: SnappedPoints = { segment: new Int32Array(n).fill(-1), t: new Float64Array(n), offset: new Float64Array(n).fill(NaN), x, y, unsnapped: [] };
    for (let i = 0; i < n; i++) {
      if (!this.snapOne(x[i], y[i], limit, out, i)) out.unsnapped.push(i);
    }
    return out;
  }

  private snapOne(px: number, py: number, limit: number, out: SnappedPoints, i: number): boolean {
    if (!Number.isFinite(px) || !Number.isFinite(py)) return false;
    const { a, b } = this.graph.segments;
    const pc = Math.floor((px - this.minX) / CELL);
    const pr = Math.floor((py - this.minY) / CELL);
    let best = Infinity;
    let bestSeg = -1;
    let bestT = 0;
    const maxRing = Math.ceil(limit / CELL) + 1;
    for (let ring = 0; ring <= maxRing; ring++) {
      // Every segment within ring·CELL of the point has been seen once the ring is scanned.
      if (bestSeg >= 0 && best <= (ring - 1) * CELL) break;
      for (let r = pr - ring; r <= pr + ring; r++) {
        if (r < 0 || r >= this.rowsN) continue;
        const edge = r === pr - ring || r === pr + ring;
        for (let c = pc - ring; c <= pc + ring; c += edge ? 1 : 2 * ring) {
          if (c >= 0 && c < this.cols) {
            const cell = r * this.cols + c;
            for (let k = this.cellStart[cell]; k < this.cellStart[cell + 1]; k++) {
              const s = this.cellSeg[k];
              const ax = this.x[a[s]], ay = this.y[a[s]];
              const dx = this.x[b[s]] - ax, dy = this.y[b[s]] - ay;
              const len2 = dx * dx + dy * dy;
              const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
              const d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
              if (d < best || (d === best && s < bestSeg)) {
                best = d;
                bestSeg = s;
                bestT = t;
              }
            }
          }
          if (ring === 0) break;
        }
      }
    }
    if (bestSeg < 0 || best > limit) return false;
    out.segment[i] = bestSeg;
    out.t[i] = bestT;
    out.offset[i] = best;
    return true;
  }
}
