/**
 * GeoTIFF raster (WorldPop, GHS-POP …) → RawTable of demand points: one record per valid cell at
 * the cell's centre, its value under the role named by the manifest (band 1 as `population` by
 * default). Nodata, NaN and negative cells are skipped and counted in a note; so are cells outside
 * the study area, to which the read is windowed (only the tiles or strips under the window are
 * decoded, so memory follows the window, not the raster). EPSG:4326 and EPSG:3857 only.
 */
import { fromArrayBuffer, type GeoTIFFImage } from 'geotiff';
import { BundleError } from '../errors.ts';
import type { RangeReader } from './file-source.ts';
import { geoTiffFromRanges } from './geotiff-range-source.ts';
import type { Polygon } from 'geojson';
import type { RawTable, RawValue } from './raw-table.ts';

/** [west, south, east, north] in WGS84 degrees. */
export type LonLatBox = [number, number, number, number];

export interface GeoTiffOptions {
  /** 1-based band to read [1]. */
  band?: number;
  /** The column (role) the cell values go to ['population']. */
  role?: string;
  /** Each cell as its centre point [points], or also as its square (a geometry per record). */
  cells?: 'points' | 'polygons';
  /** Only cells whose centre lies in this box are read. */
  studyArea?: LonLatBox;
}

/** Past this many cells a raster without a study area is refused rather than decoded whole. */
export const MAX_RASTER_CELLS = 25_000_000;

const R = 6378137;
const toMercator = (lon: number, lat: number): [number, number] => [
  (R * lon * Math.PI) / 180,
  R * Math.log(Math.tan(Math.PI / 4 + (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 360)),
];

/** The raster's CRS from its GeoKeys: WGS84 degrees or web-mercator metres; anything else is refused. */
function rasterCrs(file: string, image: GeoTIFFImage): 'wgs84' | 'epsg3857' {
  const keys = image.getGeoKeys() ?? {};
  const projected: unknown = keys.ProjectedCSTypeGeoKey;
  const geographic: unknown = keys.GeographicTypeGeoKey;
  const model: unknown = keys.GTModelTypeGeoKey;
  if (projected === 3857 || projected === 900913 || projected === 102100 || projected === 3785) return 'epsg3857';
  if (model !== 1 && projected === undefined && (geographic === 4326 || (geographic === undefined && model === 2))) return 'wgs84';
  const code = projected ?? geographic;
  const name = code === undefined ? 'no coordinate system' : `EPSG:${String(code)}`;
  throw new BundleError(
    file,
    `${file} is in ${name}; siteselect reads rasters in EPSG:4326 or EPSG:3857 only, so reproject it first (gdalwarp -t_srs EPSG:4326 ${file} out.tif).`,
  );
}

/**
 * `input` is the file's bytes, or a range reader (a file on disk): then only the header and the
 * tiles under the study-area window are read, and the notes say how many bytes that was.
 */
/** The cell around a centre, in the raster's CRS (both EPSG:4326 and 3857 keep it a lon/lat rectangle). */
function cellSquare(x: number, y: number, dx: number, dy: number): Polygon {
  const [w, e] = [x - Math.abs(dx) / 2, x + Math.abs(dx) / 2];
  const [s, n] = [y - Math.abs(dy) / 2, y + Math.abs(dy) / 2];
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

export async function readGeoTiff(file: string, input: Uint8Array | RangeReader, opts: GeoTiffOptions = {}): Promise<RawTable> {
  const ranges = input instanceof Uint8Array ? undefined : input;
  const size = input instanceof Uint8Array ? input.length : input.size;
  if (size === 0) throw new BundleError(file, `${file} is empty (0 bytes); export the raster again.`);
  let image: GeoTIFFImage;
  try {
    if (input instanceof Uint8Array) {
      const buffer = input.buffer instanceof ArrayBuffer && input.byteOffset === 0 && input.byteLength === input.buffer.byteLength ? input.buffer : input.slice().buffer;
      image = await (await fromArrayBuffer(buffer)).getImage();
    } else image = await (await geoTiffFromRanges(input)).getImage();
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable GeoTIFF (${err instanceof Error ? err.message : String(err)}); export it again as GeoTIFF.`, { cause: err });
  }
  const crs = rasterCrs(file, image);
  const width = image.getWidth();
  const height = image.getHeight();
  const bands = image.getSamplesPerPixel();
  const band = opts.band ?? 1;
  if (!Number.isInteger(band) || band < 1 || band > bands) {
    throw new BundleError(file, `${file} has ${bands} band(s), so band ${band} does not exist; set "band" to 1…${bands} in bundle.json.`);
  }
  let origin: number[];
  let resolution: number[];
  try {
    origin = image.getOrigin();
    resolution = image.getResolution();
  } catch (err) {
    throw new BundleError(file, `${file} has no georeferencing (no tie point and pixel size); export it again as a GeoTIFF with its coordinates.`, { cause: err });
  }
  const transform = image.fileDirectory.getValue('ModelTransformation') as number[] | undefined;
  if (transform !== undefined && (transform[1] !== 0 || transform[4] !== 0)) {
    throw new BundleError(file, `${file} is rotated or skewed; warp it to a north-up grid first (gdalwarp ${file} out.tif).`);
  }
  // Pixel-is-area: the tie point is a cell's corner; pixel-is-point: it is the cell's centre.
  // (GTRasterTypeGeoKey 2; pixel-is-area is the default when the key is absent).
  const half = image.getGeoKeys()?.GTRasterTypeGeoKey === 2 ? 0 : 0.5;
  const [x0, y0] = origin;
  const [dx, dy] = resolution;
  const centreX = (col: number): number => x0 + (col + half) * dx;
  const centreY = (row: number): number => y0 + (row + half) * dy;

  // Window: the cells whose centre can fall in the study area (converted to the raster's CRS).
  let window: [number, number, number, number] = [0, 0, width, height];
  const notes: string[] = [];
  if (opts.studyArea !== undefined) {
    const [w, s, e, n] = opts.studyArea;
    const [minX, minY] = crs === 'epsg3857' ? toMercator(w, s) : [w, s];
    const [maxX, maxY] = crs === 'epsg3857' ? toMercator(e, n) : [e, n];
    const cols = [(minX - x0) / dx - half, (maxX - x0) / dx - half].sort((a, b) => a - b);
    const rows = [(minY - y0) / dy - half, (maxY - y0) / dy - half].sort((a, b) => a - b);
    const c0 = Math.max(0, Math.ceil(cols[0]));
    const c1 = Math.min(width, Math.floor(cols[1]) + 1);
    const r0 = Math.max(0, Math.ceil(rows[0]));
    const r1 = Math.min(height, Math.floor(rows[1]) + 1);
    if (c0 >= c1 || r0 >= r1) {
      throw new BundleError(file, `${file} does not overlap the study area (the regions' extent ${opts.studyArea.map((v) => v.toFixed(3)).join(', ')}); use a raster that covers the bundle's regions.`);
    }
    window = [c0, r0, c1, r1];
    notes.push(`windowed to the study area: columns ${c0}–${c1 - 1}, rows ${r0}–${r1 - 1} of ${width} × ${height}`);
  }
  const [c0, r0, c1, r1] = window;
  const cells = (c1 - c0) * (r1 - r0);
  if (cells > MAX_RASTER_CELLS) {
    throw new BundleError(file, `${file} has ${cells.toLocaleString('en')} cells to read, more than ${MAX_RASTER_CELLS.toLocaleString('en')}; add a regions layer to the bundle (the read is windowed to it) or crop the raster.`);
  }
  let data: ArrayLike<number>;
  try {
    const read = await image.readRasters({ window, samples: [band - 1], interleave: true });
    data = read as unknown as ArrayLike<number>;
  } catch (err) {
    throw new BundleError(file, `${file}: its pixels cannot be decoded (${err instanceof Error ? err.message : String(err)}); save it again with LZW or Deflate compression.`, { cause: err });
  }
  const nodata = image.getGDALNoData();
  const ids: RawValue[] = [];
  const lon: RawValue[] = [];
  const lat: RawValue[] = [];
  const value: RawValue[] = [];
  const squares: Polygon[] | undefined = opts.cells === 'polygons' ? [] : undefined;
  let skippedNodata = 0;
  let skippedNegative = 0;
  const cw = c1 - c0;
  for (let r = r0; r < r1; r++) {
    const y = centreY(r);
    for (let c = c0; c < c1; c++) {
      const v = data[(r - r0) * cw + (c - c0)];
      if (v === nodata || Number.isNaN(v) || (nodata !== null && Math.abs(v - nodata) <= Math.abs(nodata) * 1e-6)) {
        skippedNodata++;
        continue;
      }
      if (v < 0) {
        skippedNegative++;
        continue;
      }
      ids.push(`r${r}c${c}`);
      lon.push(centreX(c));
      lat.push(y);
      value.push(v);
      squares?.push(cellSquare(centreX(c), y, dx, dy));
    }
  }
  const role = opts.role ?? 'population';
  notes.unshift(`GeoTIFF ${width} × ${height}, band ${band} of ${bands} as ${role}: ${ids.length} cells with a value (${squares ? 'cell squares, centres as points' : 'cell centres'})`);
  if (skippedNodata > 0) notes.push(`${skippedNodata} nodata cell(s) skipped${nodata !== null ? ` (nodata = ${nodata})` : ''}`);
  if (skippedNegative > 0) notes.push(`${skippedNegative} negative cell(s) skipped`);
  if (ids.length === 0) {
    throw new BundleError(file, `${file} has no cells with a value${opts.studyArea ? ' inside the study area' : ''} (${skippedNodata} nodata, ${skippedNegative} negative); check the band and the raster's extent.`);
  }
  if (ranges !== undefined) notes.push(`read by range: ${ranges.bytesRead.toLocaleString('en')} bytes asked for, of ${size.toLocaleString('en')} in the file`);
  return {
    file,
    columns: ['id', 'lon', 'lat', role],
    values: { id: ids, lon, lat, [role]: value },
    rowCount: ids.length,
    notes,
    declaredCrs: crs,
    ...(squares ? { geometry: squares } : {}),
  };
}
