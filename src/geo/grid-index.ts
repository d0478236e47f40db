/**
 * A uniform grid over bounding boxes: each cell lists the boxes that overlap it, so a point only
 * meets the few polygons whose box covers its cell. Stored flat (CSR: offsets + items) so a
 * thousand polygons and a million lookups cost no per-cell objects.
 */

export interface BoxGrid {
  minX: number;
  minY: number;
  cellW: number;
  cellH: number;
  cols: number;
  rows: number;
  /** offsets[c]..offsets[c+1] index `items` for cell c = row * cols + col. */
  offsets: Int32Array;
  /** Box indices, ascending within each cell. */
  items: Int32Array;
}

/** Boxes as [minX, minY, maxX, maxY] per index in one flat array; NaN boxes are left out. */
export function buildBoxGrid(boxes: Float64Array, cellsPerBox = 4): BoxGrid {
  const n = boxes.length / 4;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!isUsableBox(boxes, i)) continue;
    minX = Math.min(minX, boxes[4 * i]);
    minY = Math.min(minY, boxes[4 * i + 1]);
    maxX = Math.max(maxX, boxes[4 * i + 2]);
    maxY = Math.max(maxY, boxes[4 * i + 3]);
  }
  if (!(minX <= maxX)) {
    return { minX: 0, minY: 0, cellW: 1, cellH: 1, cols: 0, rows: 0, offsets: new Int32Array(1), items: new Int32Array(0) };
  }
  // About `cellsPerBox` cells per polygon, shaped to the extent's aspect ratio.
  const width = Math.max(maxX - minX, 1e-9);
  const height = Math.max(maxY - minY, 1e-9);
  const target = Math.max(1, Math.min(n * cellsPerBox, 1 << 20));
  const cols = Math.max(1, Math.round(Math.sqrt((target * width) / height)));
  const rows = Math.max(1, Math.round(target / cols));
  const cellW = width / cols;
  const cellH = height / rows;

  const counts = new Int32Array(cols * rows + 1);
  const span = (i: number, visit: (cell: number) => void): void => {
    const c0 = clamp(Math.floor((boxes[4 * i] - minX) / cellW), cols);
    const r0 = clamp(Math.floor((boxes[4 * i + 1] - minY) / cellH), rows);
    const c1 = clamp(Math.floor((boxes[4 * i + 2] - minX) / cellW), cols);
    const r1 = clamp(Math.floor((boxes[4 * i + 3] - minY) / cellH), rows);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * cols + c);
  };
  for (let i = 0; i < n; i++) if (isUsableBox(boxes, i)) span(i, (cell) => counts[cell + 1]++);
  for (let c = 0; c < cols * rows; c++) counts[c + 1] += counts[c];
  const offsets = counts.slice();
  const fill = counts.slice(0, cols * rows);
  const items = new Int32Array(offsets[cols * rows]);
  // Visiting boxes in index order keeps each cell's list ascending.
  for (let i = 0; i < n; i++) if (isUsableBox(boxes, i)) span(i, (cell) => (items[fill[cell]++] = i));
  return { minX, minY, cellW, cellH, cols, rows, offsets, items };
}

/** The cell holding (x, y), or -1 outside the grid. Points on the far edge belong to the last cell. */
export function cellOf(grid: BoxGrid, x: number, y: number): number {
  const fc = (x - grid.minX) / grid.cellW;
  const fr = (y - grid.minY) / grid.cellH;
  if (!(fc >= 0 && fr >= 0 && fc <= grid.cols && fr <= grid.rows)) return -1;
  return Math.min(Math.floor(fr), grid.rows - 1) * grid.cols + Math.min(Math.floor(fc), grid.cols - 1);
}

function clamp(v: number, size: number): number {
  return v < 0 ? 0 : v >= size ? size - 1 : v;
}

function isUsableBox(boxes: Float64Array, i: number): boolean {
  return boxes[4 * i] <= boxes[4 * i + 2] && boxes[4 * i + 1] <= boxes[4 * i + 3];
}
