/**
 * `siteselect init`'s proposal: every data file of a folder (or the layers of an OSM extract)
 * read as a table, a layer and column roles proposed for each (src/data/propose-bundle.ts), and
 * the manifest written from it. Paths in the manifest are relative to the manifest's own folder,
 * so it may sit beside read-only data. Node only.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BundleManifest } from '../data/bundle-manifest.ts';
import { isSidecarFile, profileFile } from '../data/profile-file.ts';
import { proposeBundle, type BundleProposal, type FileProfile, type ProposedLayer } from '../data/propose-bundle.ts';
import { proposeOsmBundle } from '../data/propose-osm-bundle.ts';
import { UsageError } from '../errors.ts';
import { companionFiles } from './companion-files.ts';
import { refuseOverwritingInputs } from './output-guard.ts';

export interface DirProposal {
  proposal: BundleProposal;
  /** Files that did not read as a table (or, for an extract, layers not built), with the reason. */
  unreadable: { file: string; reason: string }[];
}

export interface OsmRequest {
  /** The extract, as given. */
  osm: string;
  ownBrand?: string;
  /** A file of demand (population) to use instead of the extract's buildings, as given. */
  population?: string;
  adminLevels?: [string, string?];
}

/** The manifest's path to a file: relative to the manifest's folder, with forward slashes. */
const manifestPath = (outDir: string, full: string): string => path.relative(outDir, full).split(path.sep).join('/');

/** One data file read as a table, to propose its layer and columns. */
async function profile(full: string, outDir: string): Promise<FileProfile> {
  return profileFile(manifestPath(outDir, full), path.basename(full), new Uint8Array(await readFile(full)), companionFiles(full));
}

/** Every data file of the folder read as a table; files that do not read are reported, not fatal. */
export async function proposeDir(dir: string, outDir: string): Promise<DirProposal> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() && !isSidecarFile(d.name)).map((d) => d.name).sort();
  const profiles: FileProfile[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    try {
      profiles.push(await profile(full, outDir));
    } catch (err) {
      unreadable.push({ file: manifestPath(outDir, full), reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { proposal: proposeBundle(profiles), unreadable };
}

/** --osm: every layer from the extract (demand from --population when given). */
export async function proposeOsm(request: OsmRequest, cwd: string, outDir: string): Promise<DirProposal> {
  const pbf = path.resolve(cwd, request.osm);
  const bytes = new Uint8Array(await readFile(pbf).catch((err: unknown) => {
    throw new UsageError(`cannot read ${request.osm}: ${err instanceof Error ? err.message : String(err)}`);
  }));
  let demand: ProposedLayer | undefined;
  if (request.population !== undefined) {
    const p = await profile(path.resolve(cwd, request.population), outDir);
    demand = proposeBundle([p]).layers.find((l) => l.entry.layer === 'demand');
    if (demand === undefined) throw new UsageError(`${request.population} does not read as demand (a population raster, or points or areas with a population column); rename its column to population or leave --population out`);
  }
  const proposal = proposeOsmBundle(manifestPath(outDir, pbf), bytes, { ownBrand: request.ownBrand, adminLevels: request.adminLevels, demand });
  return { proposal, unreadable: proposal.missing.map((m) => ({ file: m.layer, reason: m.reason })) };
}

/** The manifest of an accepted proposal; an extract's carries OpenStreetMap's attribution. */
function proposedManifest(proposal: BundleProposal, name: string, osm: boolean): BundleManifest {
  const floorArea = proposal.layers.some((l) => l.entry.columns?.population === 'floor_area_m2');
  return {
    version: 1,
    name,
    synthetic: false,
    ...(osm ? { attribution: `© OpenStreetMap contributors (ODbL)${floorArea ? '. Demand is building floor area (footprint × levels), a proxy for population' : ''}` } : {}),
    crs: 'wgs84',
    layers: proposal.layers.map((l) => l.entry),
  };
}

/**
 * Writes the accepted proposal as the manifest `out`: never over a file it names (so --force
 * replaces an old manifest, not a data file), and over an existing file only with `force`. The
 * bundle is named `name`, else after the data folder or the extract (`city.osm.pbf` → city).
 */
export async function writeProposedManifest(proposal: BundleProposal, out: string, options: { name?: string; dir: string; osm?: string; force: boolean }): Promise<void> {
  const files = proposal.layers.map((l) => [`layer ${l.entry.layer}'s file`, path.resolve(path.dirname(out), l.entry.file)]);
  await refuseOverwritingInputs({ inputs: Object.fromEntries(files), outputs: { '--out': out } });
  const name = options.name ?? (options.osm !== undefined ? path.basename(options.osm).replace(/(\.osm)?\.pbf$/i, '') : path.basename(options.dir));
  await writeFile(out, JSON.stringify(proposedManifest(proposal, name, options.osm !== undefined), null, 2) + '\n', { flag: options.force ? 'w' : 'wx' });
}
