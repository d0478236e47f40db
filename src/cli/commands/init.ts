/**
 * `siteselect init DIR [--out FILE] [--yes] [--force] [--name NAME]`: reads every data file in a
 * folder, proposes a layer and column roles for each (src/data/propose-bundle.ts), prints the
 * proposal and writes it as bundle.json once accepted. Paths in the manifest are relative to the
 * manifest's own folder, so `--out` may put it beside read-only data.
 */
import { realpath, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import type { BundleProposal } from '../../data/propose-bundle.ts';
import { proposeDir, proposeOsm, writeProposedManifest } from '../../node/propose-bundle-dir.ts';
import { EXIT_OK, EXIT_USAGE, type Command } from '../command.ts';
import type { CommandLine } from '../parse-options.ts';
import type { SPEC } from '../usage/init.ts';

function parse({ values: v, operand: dir }: CommandLine<typeof SPEC>) {
  const levels = v['admin-levels'];
  if (levels !== undefined && (levels.length > 2 || levels.some((x) => !/^\d+$/.test(x)))) throw new UsageError(`--admin-levels takes one or two admin_level numbers, e.g. 6,8 (got ${levels.join(',')})`);
  const p = { ...v, ownBrand: v['own-brand'], adminLevels: levels && ([levels[0], levels[1]] as [string, string?]) };
  if (p.osm !== undefined) {
    if (dir !== undefined) throw new UsageError(`with --osm, name no folder (got ${dir}); --out says where the manifest goes`);
    return { dir: path.dirname(p.osm), ...p };
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

export const command: Command<typeof SPEC> = {
  async run(line, io) {
    const opts = parse(line);
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
    await writeProposedManifest(proposal, out, { name: opts.name, dir, osm: opts.osm, force: opts.force });
    const outside = path.relative(path.dirname(out), dir).startsWith('..');
    io.stdout(`\nWrote ${out}. Check it with: ${outside ? `SITESELECT_DATA_ROOTS=${dir} ` : ''}siteselect validate ${path.relative(io.cwd, out) || out}\n`);
    return EXIT_OK;
  },
};
