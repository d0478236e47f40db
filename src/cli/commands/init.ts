/**
 * `siteselect init DIR [--out FILE] [--yes] [--force] [--name NAME]`: reads every data file in a
 * folder, proposes a layer and column roles for each (src/data/propose-bundle.ts), prints the
 * proposal and writes it as bundle.json once accepted. Paths in the manifest are relative to the
 * manifest's own folder, so `--out` may put it beside read-only data.
 */
import { realpath, stat, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import type { BundleProposal } from '../../data/propose-bundle.ts';
import { proposeDir, proposedManifest, proposeOsm } from '../../node/propose-bundle-dir.ts';
import { EXIT_OK, EXIT_USAGE, type CliIO, type Command } from '../command.ts';
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
    const { proposal, unreadable } = opts.osm !== undefined ? await proposeOsm({ ...opts, osm: opts.osm }, io.cwd, path.dirname(out)) : await proposeDir(dir, path.dirname(out));
    io.stdout(describe(opts.osm ?? opts.dir, proposal, unreadable, opts.osm !== undefined));
    if (proposal.layers.length === 0) {
      io.stderr('siteselect init: no file was recognised as a layer; write bundle.json by hand (see the README\'s column-roles table).\n');
      return EXIT_USAGE;
    }
    if (!opts.yes && !(await confirm(`Write ${out}? [y/N] `))) {
      io.stdout(`Nothing written; run again with --yes to write ${out}.\n`);
      return EXIT_OK;
    }
    const name = opts.name ?? (opts.osm !== undefined ? path.basename(opts.osm).replace(/(\.osm)?\.pbf$/i, '') : path.basename(dir));
    const manifest = proposedManifest(proposal, name, opts.osm !== undefined);
    await writeFile(out, JSON.stringify(manifest, null, 2) + '\n', { flag: opts.force ? 'w' : 'wx' });
    const outside = path.relative(path.dirname(out), dir).startsWith('..');
    io.stdout(`\nWrote ${out}. Check it with: ${outside ? `SITESELECT_DATA_ROOTS=${dir} ` : ''}siteselect validate ${path.relative(io.cwd, out) || out}\n`);
    return EXIT_OK;
  },
};
