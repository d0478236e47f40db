/**
 * A bundle (bundle.json + its layer files) from any FileSource → LoadedBundle. Every file is
 * checked to exist before any is read, the gazetteer loads before candidates (which may be
 * geocoded against it), and layers fed by several files are concatenated.
 */
import { readBasemap } from './basemap.ts';
import { BundleError, PathRefused } from '../errors.ts';
import type { LayerEntry } from './bundle-manifest.ts';
import type { Layer, LayerName, LayerReport, LoadedBundle, PointLayer, PolygonLayer } from './layer.ts';
import type { FileSource } from '../io/file-source.ts';
import { normalisePath } from '../io/file-source.ts';
import { loadLayerFile } from './load-layer-file.ts';
import type { LonLatBox } from '../io/read-geotiff.ts';
import { readManifest } from './read-manifest.ts';
import { noteSwappedFiles } from './swapped-files.ts';
import { concatPointLayers, concatPolygonLayers, keepUniqueAcrossParts, pickRows, type LayerPart } from './concat-layers.ts';

export interface LoadBundleOptions {
  manifestPath?: string;
  onProgress?: (p: { file: string; fraction: number }) => void;
  signal?: AbortSignal;
  /** Candidates geocoded below this confidence are rejected. */
  minConfidence?: number;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** Gazetteer first (candidates geocode against it), then the areas (rasters are windowed to them), then the manifest order. */
function loadOrder(entries: LayerEntry[]): LayerEntry[] {
  const rank = (e: LayerEntry): number => (e.layer === 'gazetteer' ? 0 : e.layer === 'regions' || e.layer === 'districts' ? 1 : 2);
  return [...entries].sort((a, b) => rank(a) - rank(b));
}

/** The study area: the extent of the regions (else the districts) loaded so far. */
function studyAreaOf(parts: Map<LayerName, LayerPart<Layer>[]>): LonLatBox | undefined {
  const list = parts.get('regions') ?? parts.get('districts');
  if (list === undefined) return undefined;
  const box: LonLatBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
    } else for (const x of c) visit(x);
  };
  for (const p of list) if (p.layer.kind === 'polygon') for (const g of p.layer.geometries) visit(g.coordinates);
  return box[0] <= box[2] ? box : undefined;
}

export async function loadBundle(source: FileSource, options: LoadBundleOptions = {}): Promise<LoadedBundle> {
  const manifestPath = options.manifestPath ?? 'bundle.json';
  if (!(await source.exists(manifestPath))) {
    throw new BundleError(manifestPath, `${manifestPath} was not found; a bundle folder needs a bundle.json manifest naming its layer files.`);
  }
  const manifest = readManifest(manifestPath, await source.readFile(manifestPath));
  const base = dirOf(manifestPath);
  const pathOf = (e: LayerEntry): string => normalisePath(base + e.file);
  /** A refused path becomes one sentence naming the layer, the path and the fix. */
  const refused = (entry: LayerEntry) => (err: unknown): never => {
    if (!(err instanceof PathRefused)) throw err;
    throw new BundleError(entry.file, `${manifestPath} names '${entry.file}' for layer ${entry.layer}, but ${err.reason}; ${err.fix}.`, { cause: err });
  };
  for (const entry of manifest.layers) {
    if (!(await source.exists(pathOf(entry)).catch(refused(entry)))) {
      throw new BundleError(entry.file, `${manifestPath} names '${entry.file}' for layer ${entry.layer}, but that file does not exist; fix the path in ${manifestPath} or add the file.`);
    }
  }
  const entries = loadOrder(manifest.layers);
  const parts = new Map<LayerName, LayerPart<Layer>[]>();
  const areaParts: PolygonLayer[] = [];
  const reports: LayerReport[] = [];
  let gazetteer: PointLayer | undefined;
  for (let i = 0; i < entries.length; i++) {
    options.signal?.throwIfAborted();
    const entry = entries[i];
    options.onProgress?.({ file: entry.file, fraction: i / entries.length });
    // Rasters are read by range where the source can, so only the study area's tiles are read.
    const raster = entry.format === 'geotiff' || (entry.format === undefined && /\.tiff?$/i.test(entry.file));
    const ranges = source.openRanges && raster
      ? await source.openRanges(pathOf(entry)).catch(refused(entry))
      : undefined;
    const bytes = ranges ? await ranges.read(0, 16) : await source.readFile(pathOf(entry)).catch(refused(entry));
    if (entry.layer === 'candidates' && gazetteer === undefined && parts.has('gazetteer')) {
      gazetteer = mergeLayer(parts.get('gazetteer') ?? []) as PointLayer;
    }
    const studyArea = studyAreaOf(parts);
    const companion = async (ext: string): Promise<Uint8Array | undefined> => {
      const stem = pathOf(entry).replace(/\.[^./]*$/, '.');
      for (const path of [stem + ext, stem + ext.toUpperCase()]) if (await source.exists(path)) return source.readFile(path);
      return undefined;
    };
    const loaded = await loadLayerFile(entry.file, bytes, entry, { defaultCrs: manifest.crs, gazetteer, minConfidence: options.minConfidence, studyArea, companion, ranges })
      .finally(() => ranges?.close());
    reports.push(loaded.report);
    const list = parts.get(entry.layer) ?? [];
    list.push({ layer: loaded.layer, report: loaded.report, rows: loaded.rows });
    parts.set(entry.layer, list);
    if (loaded.areas) areaParts.push(loaded.areas);
  }
  options.onProgress?.({ file: '', fraction: 1 });
  noteSwappedFiles([...parts.values()].flat());

  // Reports in the manifest's order, whatever order the files were loaded in.
  const order = new Map(manifest.layers.map((e, i) => [e, i]));
  const byEntry = entries.map((e, i) => ({ at: order.get(e) ?? i, report: reports[i] }));
  byEntry.sort((a, b) => a.at - b.at);
  const bundle: LoadedBundle = { name: manifest.name, synthetic: manifest.synthetic, reports: byEntry.map((x) => x.report) };
  if (manifest.roads) bundle.roads = await readRoadsFile(source, manifestPath, normalisePath(base + manifest.roads.file), manifest.roads.file);
  if (manifest.attribution !== undefined) bundle.attribution = manifest.attribution;
  if (manifest.basemap) {
    const { file, attribution, kindProperty } = manifest.basemap;
    const bytes = await readNamedFile(source, manifestPath, normalisePath(base + file), file, 'basemap');
    bundle.basemap = readBasemap(file, bytes, { kindProperty, ...(attribution !== undefined ? { attribution } : {}) });
  }
  for (const [name, list] of parts) {
    const keeps = keepUniqueAcrossParts(list);
    const kept = list.map((p, i) => pickRows(p.layer, keeps[i]));
    if (name === 'regions' || name === 'districts') bundle[name] = concatPolygonLayers(kept as PolygonLayer[]);
    else bundle[name] = concatPointLayers(kept as PointLayer[]);
    if (name === 'demand' && areaParts.length === list.length) {
      bundle.demandAreas = concatPolygonLayers(areaParts.map((a, i) => pickRows(a, keeps[i])));
    }
  }
  return bundle;
}

/** The roads file's bytes; what they hold is checked when a graph is first built from them. */
async function readRoadsFile(source: FileSource, manifestPath: string, path: string, file: string): Promise<{ file: string; bytes: Uint8Array }> {
  return { file, bytes: await readNamedFile(source, manifestPath, path, file, 'roads') };
}

/** A file the manifest names under `key` (not a layer): its bytes, or one sentence with the fix. */
async function readNamedFile(source: FileSource, manifestPath: string, path: string, file: string, key: 'roads' | 'basemap'): Promise<Uint8Array> {
  const refused = (err: unknown): never => {
    if (!(err instanceof PathRefused)) throw err;
    throw new BundleError(file, `${manifestPath} names '${file}' for the ${key}, but ${err.reason}; ${err.fix}.`, { cause: err });
  };
  if (!(await source.exists(path).catch(refused))) throw new BundleError(file, `${manifestPath} names '${file}' for the ${key}, but that file does not exist; fix "${key}" in ${manifestPath} or add the file.`);
  return source.readFile(path).catch(refused);
}

function mergeLayer(list: LayerPart<Layer>[]): Layer {
  const keeps = keepUniqueAcrossParts(list.map((p) => ({ ...p, report: { ...p.report, rejects: [...p.report.rejects] } })));
  return concatPointLayers(list.map((p, i) => pickRows(p.layer as PointLayer, keeps[i])));
}
