/**
 * `siteselect init DIR [--out FILE] [--yes] [--force] [--name NAME]`: reads every data file in a
 * folder, proposes a layer and column roles for each (src/data/propose-bundle.ts), prints the
 * proposal and writes it as bundle.json once accepted. Paths in the manifest are relative to the
 * manifest's own folder, so `--out` may put it beside read-only data.
 */
import { readdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import type { CliIO, Command } from '../command.ts';
import { EXIT_OK, EXIT_USAGE } from '../command.ts';
import { proposeBundle, type BundleProposal, type FileProfile, type ProposedLayer } from '../../data/propose-bundle.ts';
import { isSidecarFile, profileFile } from '../../data/profile-file.ts';
import { proposeOsmBundle } from '../../data/propose-osm-bundle.ts';
import type { BundleManifest } from '../../data/bundle-manifest.ts';
import { companionFiles } from '../../node/companion-files.ts';
import { parseCommandLine } from '../parse-options.ts';
import { USAGE } from '../usage/init.ts';

interface Parsed {
  dir: string;
  osm?: string;
  ownBrand?: string;
  population?: string;
  adminLevels?: [string, string?];
  out?: string;
  yes: boolean;
  force: boolean;
  name?: string;
}

const OPTIONS = {
  yes: { type: 'boolean', short: 'y', default: false }, force: { type: 'boolean', default: false }, out: { type: 'string' }, name: { type: 'string' },
  osm: { type: 'string' }, 'own-brand': { type: 'string' }, population: { type: 'string' }, 'admin-levels': { type: 'string' },
} as const;

function adminLevels(v: string | undefined): [string, string?] | undefined {
  if (v === undefined) return undefined;
  const levels = v.split(',').map((x) => x.trim());
  if (levels.length > 2 || levels.some((x) => !/^\d+$/.test(x))) throw new UsageError(`--admin-levels takes one or two admin_level numbers, e.g. 6,8 (got ${levels.join(',')})`);
  return [levels[0], levels[1]];
}

function parse(args: string[]): Parsed {
  const { values: v, operand: dir } = parseCommandLine(args, OPTIONS, 'init', { operand: 'folder' });
  const p = { yes: v.yes, force: v.force, out: v.out, name: v.name, osm: v.osm, ownBrand: v['own-brand'], population: v.population, adminLevels: adminLevels(v['admin-levels']) };
  if (p.osm !== undefined) {
    if (dir !== undefined) throw new UsageError(`with --osm, name no folder (got ${dir}); --out says where the manifest goes`);
    return { dir: path.dirname(p.osm), ...p };
  }
  for (const flag of ['own-brand', 'population', 'admin-levels'] as const) {
    if (v[flag] !== undefined) throw new UsageError(`--${flag} goes with --osm CITY.osm.pbf`);
  }
  if (dir === undefined) throw new UsageError('name the data folder, e.g. siteselect init data/my-city');
  return { dir, ...p };
}

/** The manifest's path to a file: relative to the manifest's folder, with forward slashes. */
const manifestPath = (outDir: string, full: string): string => path.relative(outDir, full).split(path.sep).join('/');

/** One data file read as a table, to propose its layer and columns. */
async function profile(full: string, outDir: string): Promise<FileProfile> {
  return profileFile(manifestPath(outDir, full), path.basename(full), new Uint8Array(await readFile(full)), companionFiles(full));
}

/** Every data file of the folder read as a table; files that do not read are reported, not fatal. */
async function profiles(dir: string, outDir: string): Promise<{ profiles: FileProfile[]; unreadable: { file: string; reason: string }[] }> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() && !isSidecarFile(d.name)).map((d) => d.name).sort();
  const out: FileProfile[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    try {
      out.push(await profile(full, outDir));
    } catch (err) {
      unreadable.push({ file: manifestPath(outDir, full), reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { profiles: out, unreadable };
}

/** --osm: every layer from the extract (demand from --population when given). */
async function osmProposal(opts: Parsed, cwd: string, outDir: string): Promise<{ proposal: BundleProposal; unreadable: { file: string; reason: string }[] }> {
  const pbf = path.resolve(cwd, opts.osm ?? '');
  const bytes = new Uint8Array(await readFile(pbf).catch((err: unknown) => {
    throw new UsageError(`cannot read ${opts.osm}: ${err instanceof Error ? err.message : String(err)}`);
  }));
  let demand: ProposedLayer | undefined;
  if (opts.population !== undefined) {
    const p = await profile(path.resolve(cwd, opts.population), outDir);
    demand = proposeBundle([p]).layers.find((l) => l.entry.layer === 'demand');
    if (demand === undefined) throw new UsageError(`${opts.population} does not read as demand (a population raster, or points or areas with a population column); rename its column to population or leave --population out`);
  }
  const proposal = proposeOsmBundle(manifestPath(outDir, pbf), bytes, { ownBrand: opts.ownBrand, adminLevels: opts.adminLevels, demand });
  return { proposal, unreadable: proposal.missing.map((m) => ({ file: m.layer, reason: m.reason })) };
}

function describe(dir: string, proposal: BundleProposal, unreadable: { file: string; reason: string }[], osm = false): string {
  const lines = [`Proposed bundle for ${dir}:`, ''];
  for (const l of proposal.layers) {
    lines.push(`  ${l.entry.layer.padEnd(12)} ${l.entry.file}`);
    for (const r of l.reasons) lines.push(`  ${''.padEnd(12)}   ${r}`);
    if (l.entry.columns !== undefined) lines.push(`  ${''.padEnd(12)}   columns: ${JSON.stringify(l.entry.columns)}`);
    if (l.alternatives.length > 0) lines.push(`  ${''.padEnd(12)}   other files that could feed it: ${l.alternatives.join(', ')}`);
  }
  if (proposal.layers.length === 0) lines.push('  (no layer recognised)');
  if (proposal.unused.length + unreadable.length > 0) lines.push('', osm ? 'Layers not built:' : 'Not used:');
  for (const u of proposal.unused) lines.push(`  ${u.file}: ${u.reason}`);
  for (const u of unreadable) lines.push(`  ${u.file}: ${osm ? '' : 'not readable — '}${u.reason}`);
  return lines.join('\n') + '\n';
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export const command: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const opts = parse(args);
    if (!(await stat(path.resolve(io.cwd, opts.dir)).then((s) => s.isDirectory(), () => false))) throw new UsageError(`${opts.dir} is not a folder; name the folder holding the data files`);
    const dir = await realpath(path.resolve(io.cwd, opts.dir));
    const out = path.resolve(io.cwd, opts.out ?? path.join(opts.dir, 'bundle.json'));
    if (!opts.force && (await stat(out).then(() => true, () => false))) {
      io.stderr(`siteselect init: ${out} exists; pass --force to overwrite it, or --out to write elsewhere.\n`);
      return EXIT_USAGE;
    }
    const { proposal, unreadable } = opts.osm !== undefined
      ? await osmProposal(opts, io.cwd, path.dirname(out))
      : await profiles(dir, path.dirname(out)).then((r) => ({ proposal: proposeBundle(r.profiles), unreadable: r.unreadable }));
    io.stdout(describe(opts.osm ?? opts.dir, proposal, unreadable, opts.osm !== undefined));
    if (proposal.layers.length === 0) {
      io.stderr('siteselect init: no file was recognised as a layer; write bundle.json by hand (see the README\'s column-roles table).\n');
      return EXIT_USAGE;
    }
    if (!opts.yes && !(await confirm(`Write ${out}? [y/N] `))) {
      io.stdout(`Nothing written; run again with --yes to write ${out}.\n`);
      return EXIT_OK;
    }
    const manifest: BundleManifest = {
      version: 1,
      name: opts.name ?? (opts.osm !== undefined ? path.basename(opts.osm).replace(/(\.osm)?\.pbf$/i, '') : path.basename(dir)),
      synthetic: false,
      ...(opts.osm !== undefined ? { attribution: `© OpenStreetMap contributors (ODbL)${proposal.layers.some((l) => l.entry.columns?.population === 'floor_area_m2') ? '. Demand is building floor area (footprint × levels), a proxy for population' : ''}` } : {}),
      crs: 'wgs84',
      layers: proposal.layers.map((l) => l.entry),
    };
    await writeFile(out, JSON.stringify(manifest, null, 2) + '\n', { flag: opts.force ? 'w' : 'wx' });
    const outside = path.relative(path.dirname(out), dir).startsWith('..');
    io.stdout(`\nWrote ${out}. Check it with: ${outside ? `SITESELECT_DATA_ROOTS=${dir} ` : ''}siteselect validate ${path.relative(io.cwd, out) || out}\n`);
    return EXIT_OK;
  },
};
