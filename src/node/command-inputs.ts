/**
 * What `siteselect score` and `huff` read: the bundle (a folder or its bundle.json), the scenario
 * (--scenario or the bundle's scenario.json) and the sites (--candidates, geocoded against the
 * bundle's gazetteer, or the bundle's own candidates layer). Node only; the messages name the flags.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BundleError } from '../errors.ts';
import type { CrsName, LayerEntry } from '../data/bundle-manifest.ts';
import type { LayerReport, LoadedBundle, PointLayer } from '../data/layer.ts';
import { loadLayerFile } from '../data/load-layer-file.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { locateBundle } from './bundle-location.ts';
import { fileSites, layerSites, type CandidateSites } from './candidate-sites.ts';
import { companionFiles } from './companion-files.ts';
import type { NativeDatabase } from './duckdb-native.ts';
import { loadBundleDir } from './load-bundle-dir.ts';
import { readScenarioFile } from './read-scenario-file.ts';

/** The flags that name the inputs (ScoreArgs has them all). */
export interface CommandInputs {
  bundle: string;
  scenario?: string;
  /** A candidate file to score instead of the bundle's candidates layer. */
  candidates?: string;
  idColumn?: string;
  addressColumn?: string;
  crs?: CrsName;
  minConfidence: number;
}

/**
 * The loader's fixes speak of bundle.json; a --candidates file is fixed with flags instead.
 */
function forCommandLine(message: string): string {
  return message
    .replace(/set "crs": "epsg3857" for it in bundle\.json/, 'pass --crs 3857')
    .replace(/fix columns\.(id|address) in bundle\.json/, (_, role: string) => `fix --${role}-column`)
    .replace(/name them in columns\.lon and columns\.lat in bundle\.json/, 'name them lon and lat, or give an address column (--address-column)')
    .replace(/map columns\.lon and columns\.lat the other way round in bundle\.json/, 'exchange the names of the lon and lat columns in the file')
    .replace(/ or set "encoding" for it in bundle\.json/, '')
    .replace(/ \(or set "encoding": "gbk" if it really is Chinese\)/, '')
    .replace(/ or remove (it|the file) from bundle\.json/, ' or pass another --candidates file');
}

async function isFile(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isFile(), () => false);
}

export interface BundleAndScenario {
  dir: string;
  manifestPath: string;
  bundle: LoadedBundle;
  scenario: Scenario;
  scenarioFile: string;
}

/** Where --bundle (a folder or its manifest) and the scenario are, before anything is read. */
export async function locateInputs(args: CommandInputs, cwd: string): Promise<{ dir: string; manifestPath: string; scenarioFile: string }> {
  const { dir, manifestPath, scenarioBeside } = await locateBundle(args.bundle, cwd);
  const scenarioFile = args.scenario ? path.resolve(cwd, args.scenario) : scenarioBeside;
  return { dir, manifestPath, scenarioFile };
}

export async function readBundleAndScenario(args: CommandInputs, cwd: string, onProgress?: (p: { file: string; fraction: number }) => void): Promise<BundleAndScenario> {
  const { dir, manifestPath, scenarioFile } = await locateInputs(args, cwd);
  const scenario = await readScenarioFile(scenarioFile);
  const bundle = await loadBundleDir(dir, { manifestPath, onProgress, minConfidence: args.minConfidence });
  return { dir, manifestPath, bundle, scenario, scenarioFile };
}

/** The --candidates file as an absolute path (undefined: the bundle's candidates layer); missing → BundleError. */
export async function candidatePath(args: CommandInputs, cwd: string): Promise<string | undefined> {
  if (args.candidates === undefined) return undefined;
  const file = path.resolve(cwd, args.candidates);
  if (!(await isFile(file))) throw new BundleError(args.candidates, `${args.candidates} was not found; check the --candidates path.`);
  return file;
}

/** The manifest entry a --candidates file is read with: the --id-column, --address-column and --crs flags. */
export function candidateEntry(args: CommandInputs, file: string): LayerEntry {
  const columns = { ...(args.idColumn ? { id: args.idColumn } : {}), ...(args.addressColumn ? { address: args.addressColumn } : {}) };
  return { layer: 'candidates', file: path.basename(file), ...(Object.keys(columns).length ? { columns } : {}), ...(args.crs ? { crs: args.crs } : {}) };
}

/** The bundle's own candidates layer and its report; none is a BundleError saying to pass --candidates. */
function bundleCandidates(base: BundleAndScenario): { sites: PointLayer; sitesReport: LayerReport } {
  const { bundle, dir, manifestPath } = base;
  const report = bundle.reports.find((r) => r.layer === 'candidates');
  if (!bundle.candidates || !report) {
    throw new BundleError(path.join(dir, manifestPath), `${manifestPath} names no candidates layer; pass the sites to score with --candidates FILE.`);
  }
  return { sites: bundle.candidates, sitesReport: report };
}

/**
 * The sites to score, read once DuckDB is open: the --candidates file block by block into it
 * (geocoded), or the bundle's candidates layer.
 */
export async function candidateSites(args: CommandInputs, cwd: string, base: BundleAndScenario): Promise<(db: NativeDatabase) => Promise<CandidateSites>> {
  const { bundle } = base;
  const file = await candidatePath(args, cwd);
  if (file === undefined) {
    const whole = bundleCandidates(base);
    const sites = layerSites(whole.sites, whole.sitesReport);
    return () => Promise.resolve(sites);
  }
  const entry = candidateEntry(args, file);
  return (db) => fileSites(db, file, entry.file, entry, { gazetteer: bundle.gazetteer, minConfidence: args.minConfidence, companion: companionFiles(file) })
    .catch(commandLineFix);
}

function commandLineFix(err: unknown): never {
  throw err instanceof BundleError ? new BundleError(err.file, forCommandLine(err.message), { cause: err }) : err;
}

/** The sites read whole (a few sites: `siteselect huff`): the --candidates file (geocoded), or the bundle's candidates layer. */
export async function readCandidates(args: CommandInputs, cwd: string, base: BundleAndScenario): Promise<{ sites: PointLayer; sitesReport: LayerReport }> {
  const { bundle } = base;
  const file = await candidatePath(args, cwd);
  if (file === undefined) return bundleCandidates(base);
  const entry = candidateEntry(args, file);
  const buffer = await readFile(file);
  const loaded = await loadLayerFile(entry.file, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), entry, {
    gazetteer: bundle.gazetteer, minConfidence: args.minConfidence, companion: companionFiles(file),
  }).catch(commandLineFix);
  if (loaded.layer.kind !== 'point') throw new BundleError(entry.file, `${entry.file} holds polygons; candidate sites must be points or addresses.`);
  return { sites: loaded.layer, sitesReport: loaded.report };
}
