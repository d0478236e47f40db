/**
 * Generated candidates where a bundle has no candidate list (DESIGN §4): a regular lattice of
 * spacing s inside the kept districts. One lattice anchored on the kept districts' common bounding
 * box, so neighbouring districts share its rows and columns.
 */
import { UsageError } from '../errors.ts';
import type { AreaGeometry, PointLayer } from '../data/layer.ts';
import { assignPointsToPolygons, polygonBoxes } from '../geo/containment.ts';
import { EARTH_RADIUS_M } from '../geo/haversine.ts';

const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;
/** More lattice points than this is a spacing mistake, not a plan. */
const MAX_POINTS = 2_000_000;

/** Lattice points inside the polygons; `area[i]` is the index into `polygons` holding point i. */
export function latticeInside(polygons: AreaGeometry[], spacing: number): { sites: PointLayer; area: Int32Array } {
  const boxes = polygonBoxes(polygons);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < polygons.length; i++) {
    if (Number.isNaN(boxes[4 * i])) continue;
    minX = Math.min(minX, boxes[4 * i]);
    minY = Math.min(minY, boxes[4 * i + 1]);
    maxX = Math.max(maxX, boxes[4 * i + 2]);
    maxY = Math.max(maxY, boxes[4 * i + 3]);
  }
  const empty = emptySites();
  if (!(minX <= maxX)) return { sites: empty, area: new Int32Array(0) };
  const dLat = spacing / METRES_PER_DEGREE;
  const dLon = dLat / Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const cols = Math.floor((maxX - minX) / dLon) + 1;
  const rows = Math.floor((maxY - minY) / dLat) + 1;
  if (rows * cols > MAX_POINTS) {
    throw new UsageError(`lattice spacing ${spacing} m gives ${rows * cols} points over the kept districts; use a larger funnel.latticeSpacing`);
  }
  const lon = new Float64Array(rows * cols);
  const lat = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // half a step in, so the lattice is centred in the box rather than on its corner
      lon[r * cols + c] = minX + (c + 0.5) * dLon;
      lat[r * cols + c] = minY + (r + 0.5) * dLat;
    }
  }
  const inside = assignPointsToPolygons(lon, lat, polygons);
  const keep: number[] = [];
  for (let i = 0; i < inside.length; i++) if (inside[i] >= 0) keep.push(i);
  const width = String(Math.max(rows, cols) - 1).length;
  const pad = (k: number) => String(k).padStart(width, '0');
  const sites: PointLayer = {
    ...empty,
    ids: keep.map((i) => `L${pad(Math.floor(i / cols))}-${pad(i % cols)}`),
    lon: Float64Array.from(keep, (i) => lon[i]),
    lat: Float64Array.from(keep, (i) => lat[i]),
  };
  return { sites, area: Int32Array.from(keep, (i) => inside[i]) };
}

function emptySites(): PointLayer {
  return { kind: 'point', layer: 'candidates', ids: [], lon: new Float64Array(0), lat: new Float64Array(0), numeric: {}, text: {} };
}
